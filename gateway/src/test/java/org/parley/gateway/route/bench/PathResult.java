package org.parley.gateway.route.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One path's timed run: how many of the {@code sent} messages arrived, over how long (first send to last arrival),
 * their one-way latencies, and the CPU time each process spent during the run.
 *
 * @param cpuNanos process name → CPU nanoseconds during the run, in reporting order
 */
record PathResult(String path, int sent, int arrived, long spanMicros, long[] latencyMicros,
                  Map<String, Long> cpuNanos) {

    /** Pairs send and arrival times (µs since the epoch) by message number; numbers 1..sent. */
    static PathResult of(String path, int sent, Map<Integer, Long> sentAt, Map<Integer, Long> arrivedAt,
                         Map<String, Long> cpuNanos) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long[] latencies = new long[arrivedAt.size()];
        int n = 0;
        for (Map.Entry<Integer, Long> arrival : arrivedAt.entrySet()) {
            Long sentTime = sentAt.get(arrival.getKey());
            if (sentTime != null) {
                latencies[n++] = arrival.getValue() - sentTime;
                first = Math.min(first, sentTime);
                last = Math.max(last, arrival.getValue());
            }
        }
        long[] paired = Arrays.copyOf(latencies, n);
        Arrays.sort(paired);
        return new PathResult(path, sent, n, n == 0 ? 0 : last - first, paired, new LinkedHashMap<>(cpuNanos));
    }

    double perSecond() {
        return spanMicros == 0 ? 0 : arrived * 1e6 / spanMicros;
    }

    double percentileMillis(double p) {
        if (latencyMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(latencyMicros.length - 1, Math.ceil(p * latencyMicros.length) - 1);
        return latencyMicros[Math.max(0, index)] / 1000.0;
    }

    /** CPU µs per arrived message of one process (NaN if not measured). */
    double cpuMicrosPerMessage(String process) {
        Long nanos = cpuNanos.get(process);
        return nanos == null || arrived == 0 ? Double.NaN : nanos / 1000.0 / arrived;
    }

    /** CPU cores used by one process over the run. */
    double cores(String process) {
        Long nanos = cpuNanos.get(process);
        return nanos == null || spanMicros == 0 ? Double.NaN : nanos / 1000.0 / spanMicros;
    }

    String summary() {
        StringBuilder line = new StringBuilder(String.format(
                "%-34s %6d/%-6d arrived, %8.0f msg/s, latency p50 %7.2f ms p99 %7.2f ms max %7.2f ms%n",
                path, arrived, sent, perSecond(), percentileMillis(0.50), percentileMillis(0.99),
                percentileMillis(1.0)));
        cpuNanos.forEach((process, nanos) -> line.append(String.format(
                "    %-22s %7.1f µs CPU/msg  (%.2f cores)%n", process, cpuMicrosPerMessage(process), cores(process))));
        return line.toString();
    }
}
