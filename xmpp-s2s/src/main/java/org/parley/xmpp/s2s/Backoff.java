package org.parley.xmpp.s2s;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff between attempts to set up a failing route: after {@code n} consecutive failures
 * the wait is a random value between half and all of {@code min(max, min * 2^(n-1))}, so many routes failing
 * together do not retry in lockstep.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} (at least 1) consecutive failures. */
    Duration after(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long cap = Math.min(max.toMillis(), min.toMillis() << shift);
        if (cap <= 0) {
            cap = max.toMillis();
        }
        long half = cap / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (cap - half + 1)));
    }
}
