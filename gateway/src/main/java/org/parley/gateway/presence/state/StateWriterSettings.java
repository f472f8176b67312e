package org.parley.gateway.presence.state;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link StateWriter} batches.
 *
 * @param queueCapacity how many keys may wait to be written; a change for another key is then refused
 *                      ({@link StateWriteException.Reason#QUEUE_FULL}). Changes for a waiting key replace the
 *                      waiting change and take no room.
 * @param maxBatchSize  the most changes written in one transaction
 * @param closeTimeout  how long {@link StateWriter#close()} waits for the queue to be written
 */
public record StateWriterSettings(int queueCapacity, int maxBatchSize, Duration closeTimeout) {

    /** Room for 10,000 waiting changes, batches of up to 500, ten seconds to flush on close. */
    public static final StateWriterSettings DEFAULTS = new StateWriterSettings(10_000, 500, Duration.ofSeconds(10));

    /** Requires positive sizes and a non-negative timeout. */
    public StateWriterSettings {
        if (queueCapacity <= 0 || maxBatchSize <= 0) {
            throw new IllegalArgumentException("queueCapacity and maxBatchSize must be positive");
        }
        if (Objects.requireNonNull(closeTimeout, "closeTimeout").isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative");
        }
    }
}
