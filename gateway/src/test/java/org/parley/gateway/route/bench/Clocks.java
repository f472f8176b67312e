package org.parley.gateway.route.bench;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Wall-clock time in microseconds (the clock sipp stamps its message trace with) and a fixed-rate pacer.
 */
final class Clocks {

    /** An action per message number that may fail on I/O. */
    interface MessageAction {
        void send(int number) throws java.io.IOException;
    }

    private Clocks() {
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Calls {@code action} for 1..count, the i-th no earlier than (i - 1) / perSecond after the start. */
    static void pace(int count, int perSecond, MessageAction action) throws java.io.IOException {
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            long due = start + (i - 1) * 1_000_000_000L / perSecond;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            action.send(i);
        }
    }
}
