package org.parley.gateway.route.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of processes from {@code /proc/PID/stat}, sampled every 100 ms on a daemon thread and
 * kept at its last value, so that a process that has just exited (a sipp run) still has its total.
 */
final class ProcessCpu implements AutoCloseable {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

    private final Map<Long, Long> lastTicks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ProcessCpu() {
        sampler.scheduleAtFixedRate(() -> lastTicks.replaceAll((pid, ticks) -> read(pid).orElse(ticks)),
                100, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling {@code pid}. */
    void track(long pid) {
        lastTicks.put(pid, read(pid).orElse(0L));
    }

    /** CPU time of the tracked processes, in nanoseconds, read now (last sample for those that have exited). */
    long nanos(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            long ticks = read(pid).orElse(lastTicks.getOrDefault(pid, 0L));
            lastTicks.put(pid, ticks);
            total += ticks;
        }
        return total * NANOS_PER_TICK;
    }

    /** CPU time of the JIT compiler threads (C1, C2) of the JVM {@code pid}, in nanoseconds, read now. */
    static long compilerNanos(long pid) {
        return threadNanos(pid).entrySet().stream()
                .filter(e -> e.getKey().startsWith("C1 Compiler") || e.getKey().startsWith("C2 Compiler"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * CPU time of the threads of process {@code pid} by name (as the kernel keeps it: 15 characters, with trailing
     * digits and dashes dropped so that the threads of a pool add up), in nanoseconds, read now.
     */
    static Map<String, Long> threadNanos(long pid) {
        Map<String, Long> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[-#0-9 ]+$", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK,
                            Long::sum);
                } catch (IOException | RuntimeException threadGone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException gone) {
            return byName;
        }
        return byName;
    }

    /** {@code pid} and its direct children (Kamailio's worker processes). */
    static List<Long> withChildren(long pid) {
        List<Long> pids = new ArrayList<>(List.of(pid));
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(child -> parent(child) == pid).forEach(pids::add);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    private static long parent(long pid) {
        String[] fields = fields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static java.util.Optional<Long> read(long pid) {
        String[] fields = fields(pid);
        return fields == null ? java.util.Optional.empty()
                : java.util.Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    /** The fields of /proc/PID/stat after the command name: [0] = state, [1] = ppid, [11] = utime, [12] = stime. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
