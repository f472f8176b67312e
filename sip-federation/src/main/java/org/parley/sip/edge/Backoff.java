package org.parley.sip.edge;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code min} to {@code max}, each drawn uniformly from [d/2, d]
 * ("equal jitter") so that gateways restarted together do not reconnect in step. Not thread-safe; owned by
 * the edge link's scheduler thread.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt; grows with each call until {@link #reset()}. */
    Duration next() {
        long ceiling = min.toMillis() << Math.min(failures, 20);
        long bounded = Math.min(ceiling, max.toMillis());
        failures++;
        long half = bounded / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (bounded - half)));
    }

    void reset() {
        failures = 0;
    }
}
