package org.parley.gateway.route.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The timed window of one direction of {@link UpdatesRun}: the CPU each process spent in it and the updates that
 * arrived in it, either counted live ({@code counter}) or paired afterwards by number ({@link #withArrivals}).
 */
final class Window {

    private final UpdatesRun run;
    private final IntSupplier counter;
    private final long startMicros;
    private final Map<String, Long> cpuAtStart;
    private final int countAtStart;
    private final Map<String, Long> threadsAtStart;
    private Map<String, Long> threadsUsed = Map.of();
    private int sent;
    private long endMicros;
    private Map<String, Long> cpuUsed;
    private int arrived;
    private long[] latencyMicros = new long[0];

    private Window(UpdatesRun run, IntSupplier counter) {
        this.run = run;
        this.counter = counter;
        this.cpuAtStart = run.cpuNow();
        this.countAtStart = counter.getAsInt();
        this.threadsAtStart = run.gatewayThreadsNow();
        this.startMicros = Clocks.epochMicros();
    }

    static Window open(UpdatesRun run, IntSupplier counter) {
        return new Window(run, counter);
    }

    long elapsedMicros() {
        return Clocks.epochMicros() - startMicros;
    }

    void close() {
        endMicros = Clocks.epochMicros();
        arrived = counter.getAsInt() - countAtStart;
        Map<String, Long> now = run.cpuNow();
        now.replaceAll((process, nanos) -> nanos - cpuAtStart.get(process));
        cpuUsed = now;
        Map<String, Long> threads = new java.util.TreeMap<>(run.gatewayThreadsNow());
        threads.replaceAll((name, nanos) -> nanos - threadsAtStart.getOrDefault(name, 0L));
        threadsUsed = threads;
    }

    /**
     * Counts the updates numbered above {@code warmUp} that arrived, with their one-way latency; the window then
     * spans from its opening to the last of their arrivals.
     */
    Window withArrivals(Map<Integer, Long> sent, Map<Integer, Long> received, int warmUp) {
        this.sent = (int) sent.keySet().stream().filter(number -> number > warmUp).count();
        long[] latencies = new long[received.size()];
        int n = 0;
        long last = startMicros;
        for (Map.Entry<Integer, Long> arrival : received.entrySet()) {
            Long sentAt = sent.get(arrival.getKey());
            if (arrival.getKey() > warmUp && sentAt != null) {
                latencies[n++] = arrival.getValue() - sentAt;
                last = Math.max(last, arrival.getValue());
            }
        }
        latencyMicros = Arrays.copyOf(latencies, n);
        Arrays.sort(latencyMicros);
        arrived = n;
        endMicros = Math.max(endMicros, last);
        return this;
    }

    String summary(String path) {
        double span = (endMicros - startMicros) / 1e6;
        StringBuilder text = new StringBuilder(String.format(
                "%s: %d subscriptions, %d updates/s offered: %d arrived in %.1f s = %.0f updates/s",
                path, run.subscriptions(), run.offeredRate(), arrived, span, arrived / span));
        if (sent > 0) {
            text.append(String.format(" (of %d sent in the window: %.1f %% superseded while a NOTIFY was in flight)",
                    sent, 100.0 * (sent - arrived) / sent));
        }
        if (latencyMicros.length > 0) {
            text.append(String.format(", latency p50 %.2f ms p99 %.2f ms max %.2f ms", percentile(0.5),
                    percentile(0.99), percentile(1.0)));
        }
        text.append('\n');
        cpuUsed.forEach((process, nanos) -> text.append(String.format("    %-22s %7.1f µs CPU/update  (%.2f cores)%n",
                process, arrived == 0 ? Double.NaN : nanos / 1e3 / arrived, nanos / 1e3 / (endMicros - startMicros))));
        if (sent > 0) {
            text.append(String.format("    gateway per update sent %7.1f µs CPU (%.1f without JIT)%n",
                    cpuUsed.get("gateway") / 1e3 / sent, cpuUsed.get("gateway without JIT") / 1e3 / sent));
        }
        text.append("    gateway threads, µs CPU per update arrived:");
        threadsUsed.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> text.append(String.format(" %s %.0f;", e.getKey(), e.getValue() / 1e3 / arrived)));
        text.append('\n');
        return text.toString();
    }

    private double percentile(double p) {
        int index = (int) Math.min(latencyMicros.length - 1, Math.ceil(p * latencyMicros.length) - 1);
        return latencyMicros[Math.max(0, index)] / 1000.0;
    }
}
