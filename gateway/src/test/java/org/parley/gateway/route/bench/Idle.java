package org.parley.gateway.route.bench;

import java.util.List;
import java.util.function.BooleanSupplier;

/** Whether a process is idle: under 5 % of a core over the last second. */
final class Idle {

    private Idle() {
    }

    /** A condition, for {@code Await}, that holds once {@code pid} used under 5 % of a core over a second. */
    static BooleanSupplier condition(ProcessCpu cpu, long pid) {
        long[] last = {cpu.nanos(List.of(pid)), System.nanoTime()};
        return () -> {
            long now = System.nanoTime();
            if (now - last[1] < 1_000_000_000L) {
                return false;
            }
            long nanos = cpu.nanos(List.of(pid));
            boolean idle = (nanos - last[0]) < 0.05 * (now - last[1]);
            last[0] = nanos;
            last[1] = now;
            return idle;
        };
    }
}
