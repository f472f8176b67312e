package org.parley.gateway.route.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parley.gateway.testsupport.ImPeers;

/**
 * The presence benchmark (docs/benchmarks.md, "Presence"), a {@code main} never run by {@code mvn verify}, against
 * the peers of the IM integration tests ({@link ImPeers}: the packaged gateway as its own process, Prosody,
 * Kamailio as the edge, sipp, dnsmasq). Modes:
 * <ul>
 *   <li>{@code restore [subscriptions=10000] [subscribeRate=0] [gatewayHeapMb=1024] [subscribeStartRate=0]}:
 *       restart-to-restored time and live heap per subscription ({@link RestoreRun}); a rate of 0 leaves the
 *       gateway's default.</li>
 *   <li>{@code updates [subscriptions=200] [updatesPerSecond=1000] [warmUpSeconds=10] [seconds=10]
 *       [gatewayHeapMb=512]}: presence updates per second each way with CPU per update ({@link UpdatesRun}).</li>
 * </ul>
 */
public final class PresenceBenchmark {

    private PresenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "restore";
        Path dir = Files.createTempDirectory("parley-presencebench");
        Path logback = Path.of(PresenceBenchmark.class.getResource("/logback-presence-bench.xml").toURI());
        List<String> jvm = new ArrayList<>(List.of("-Dlogback.configurationFile=" + logback,
                "-Dh2.bindAddress=127.0.0.1"));
        switch (mode) {
            case "restore" -> {
                int subscriptions = intArg(args, 1, 10_000);
                int rate = intArg(args, 2, 0);
                jvm.add("-Xmx" + intArg(args, 3, 1024) + "m");
                jvm.add("-Xlog:gc:file=" + dir.resolve("gateway-gc.log"));
                Duration limit = Duration.ofSeconds(120 + subscriptions / 100);
                try (ImPeers peers = ImPeers.start(dir, options(jvm, List.of()));
                     ProcessCpu cpu = new ProcessCpu()) {
                    new RestoreRun(peers, cpu, subscriptions, intArg(args, 5, subscriptions),
                            new RestoreRun.Pacing(rate, intArg(args, 4, 0)), limit,
                            dir.resolve("gateway.log")).run();
                    System.out.println("gateway output and GC log in " + dir);
                }
            }
            case "updates" -> {
                int subscriptions = intArg(args, 1, 200);
                int rate = intArg(args, 2, 1000);
                int warmUp = intArg(args, 3, 10);
                int seconds = intArg(args, 4, 10);
                jvm.add("-Xmx" + intArg(args, 5, 512) + "m");
                try (ImPeers peers = ImPeers.start(dir, options(jvm, UpdatesRun.users()));
                     ProcessCpu cpu = new ProcessCpu()) {
                    System.out.printf("presence updates: %d subscriptions each way, %d updates/s offered, %d s warm-up,"
                            + " %d s timed%n", subscriptions, rate, warmUp, seconds);
                    new UpdatesRun(peers, cpu, subscriptions, rate, warmUp, seconds).run();
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + ": restore or updates");
        }
    }

    private static ImPeers.Options options(List<String> gatewayJvm, List<String> jabberUsers) {
        return new ImPeers.Options(1024, 0, "warn", gatewayJvm, jabberUsers, false);
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
