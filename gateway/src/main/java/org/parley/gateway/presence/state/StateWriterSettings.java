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
 * @param linger        while the store is busy (the last batch committed within {@link #BUSY_WINDOW}), how long the
 *                      writer lets changes gather before it takes the next batch: under a stream of presence
 *                      updates, one commit per batch rather than one per update; zero for none. An idle writer
 *                      never lingers, so a lone change is written at once.
 */
public record StateWriterSettings(int queueCapacity, int maxBatchSize, Duration closeTimeout, Duration linger) {

    /** After a commit, how long the store counts as busy for {@code linger}. */
    public static final Duration BUSY_WINDOW = Duration.ofMillis(50);
    /** Five milliseconds of linger when busy. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(5);
    /** Room for 10,000 waiting changes, batches of up to 500, ten seconds to flush on close, 5 ms of linger. */
    public static final StateWriterSettings DEFAULTS = new StateWriterSettings(10_000, 500, Duration.ofSeconds(10));

    /** Settings with the {@link #DEFAULT_LINGER}. */
    public StateWriterSettings(int queueCapacity, int maxBatchSize, Duration closeTimeout) {
        this(queueCapacity, maxBatchSize, closeTimeout, DEFAULT_LINGER);
    }

    /** Requires positive sizes and a non-negative timeout. */
    public StateWriterSettings {
        if (queueCapacity <= 0 || maxBatchSize <= 0) {
            throw new IllegalArgumentException("queueCapacity and maxBatchSize must be positive");
        }
        if (Objects.requireNonNull(closeTimeout, "closeTimeout").isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative");
        }
        if (Objects.requireNonNull(linger, "linger").isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
    }
}
