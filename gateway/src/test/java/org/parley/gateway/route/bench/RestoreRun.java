package org.parley.gateway.route.bench;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.testkit.SippAgent;

/**
 * Restart-to-restored and memory per subscription (docs/benchmarks.md, "Presence"): with the peers of
 * {@link ImPeers} running, takes the live heap of the freshly started, empty gateway; kills it; writes
 * {@code count} authorized XMPP-to-SIP subscriptions into its store; starts a sipp presence server behind the
 * edge that answers each SUBSCRIBE 200 and sends one NOTIFY; starts the gateway again and times (a) the store
 * loaded, (b) the SUBSCRIBEs handed to the SIP stack and all received at sipp, (c) every NOTIFY answered; once the
 * gateway is idle, takes the live heap again. Reports what it got when not everything completes (failures at scale
 * are the point), and keeps the gateway's output in {@code logFile}.
 */
final class RestoreRun {

    private static final URL PRESENCE_SERVER = RestoreRun.class.getResource(
            "/org/parley/gateway/route/presence/sipp/uas_presence.xml");

    /** How long the gateway may stay busy after the run (retrying failed subscriptions, say) before its heap is taken. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(60);
    /**
     * How long after the last NOTIFY the settled heap is taken: past JAIN-SIP's connection linger time (8 s by
     * default), for which it keeps terminated transactions and deleted dialogs before letting them go.
     */
    private static final Duration SETTLE = Duration.ofSeconds(12);

    private final ImPeers peers;
    private final ProcessCpu cpu;
    private final int count;
    private final int xmppUsers;
    private final Pacing pacing;
    private final Duration limit;
    private final Path logFile;

    /**
     * The gateway's pacing of its SUBSCRIBEs at start-up, each 0 for the gateway's default.
     *
     * @param subscribeRate      {@code <presence subscribe-rate>}
     * @param subscribeStartRate {@code <presence subscribe-start-rate>}: until the edge has reached the gateway
     */
    record Pacing(int subscribeRate, int subscribeStartRate) {

        /** The attributes of {@code <presence>} that set the non-zero rates. */
        String attributes() {
            return (subscribeRate > 0 ? " subscribe-rate=\"" + subscribeRate + "\"" : "")
                    + (subscribeStartRate > 0 ? " subscribe-start-rate=\"" + subscribeStartRate + "\"" : "");
        }
    }

    /**
     * @param xmppUsers how many XMPP users watch the {@code count} SIP users, each as many of them ({@code count}
     *                  for one each, the case where nothing is shared between subscriptions)
     */
    RestoreRun(ImPeers peers, ProcessCpu cpu, int count, int xmppUsers, Pacing pacing, Duration limit,
               Path logFile) {
        this.peers = peers;
        this.logFile = logFile;
        this.cpu = cpu;
        this.count = count;
        this.xmppUsers = xmppUsers;
        this.pacing = pacing;
        this.limit = limit;
    }

    void run() throws Exception {
        Await.until(limit, "the empty gateway idle", Idle.condition(cpu, peers.gateway().pid()));
        long emptyStartCpu = cpu.nanos(List.of(peers.gateway().pid()));
        HeapHistogram empty = HeapHistogram.of(peers.gateway().pid());
        System.out.printf("empty gateway: %,d bytes live, %.1f s CPU from its start to idle%n", empty.totalBytes(),
                emptyStartCpu / 1e9);
        peers.killGateway();

        long seeding = System.nanoTime();
        StoredSubscriptions.write(peers.storeUrl(), count,
                StoredSubscriptions.xmppToSip("bob", ImPeers.LOCAL, "alice", xmppUsers, ImPeers.JABBER));
        System.out.printf("%,d subscriptions of %,d XMPP users written to the store in %.1f s%n", count, xmppUsers,
                (System.nanoTime() - seeding) / 1e9);
        if (!pacing.attributes().isEmpty()) {
            Files.writeString(peers.config(), Files.readString(peers.config()).replace("  <store ",
                    "  <presence" + pacing.attributes() + "/>\n  <store "));
        }

        try (SippAgent server = peers.userAgentBuilder(PRESENCE_SERVER).substitute("SHOW", "chat")
                .substitute("NOTE", "restored").calls(count).timeLimit(limit).traceMessages(false).statistics(1)
                .listen()) {
            cpu.track(server.pid());
            List<Long> kamailio = ProcessCpu.withChildren(peers.edge().pid());
            long kamailioBefore = cpu.nanos(kamailio);
            long started = Clocks.epochMicros();
            try {
                peers.restartGatewayWithin(limit);
                System.out.printf("  gateway says it runs (its start-up includes the re-subscriptions) after %.2f s%n",
                        (Clocks.epochMicros() - started) / 1e6);
            } catch (AssertionError late) {
                System.out.printf("  gateway did not say it runs within %s%n", limit);
            }
            long gateway = peers.gateway().pid();
            cpu.track(gateway);
            boolean complete = awaitQuietly(count + " subscriptions answered and notified", () -> done(server), limit);
            long finished = Clocks.epochMicros();
            long gatewayCpu = cpu.nanos(List.of(gateway));
            long kamailioCpu = cpu.nanos(kamailio) - kamailioBefore;
            long sippCpu = cpu.nanos(List.of(server.pid()));
            if (!complete) {
                System.out.printf("  NOT COMPLETE within %s%n", limit);
            }
            if (!awaitQuietly("the gateway idle", Idle.condition(cpu, gateway), IDLE_WAIT)) {
                System.out.printf("  the gateway was still busy %s later when its heap was taken%n", IDLE_WAIT);
            }
            HeapHistogram restored = HeapHistogram.of(gateway);
            GatewayLog log = new GatewayLog(peers.gateway().stdout() + peers.gateway().stderr());
            Files.writeString(logFile, log.text());
            report(started, finished, SippStatistics.parse(server.statistics()), log,
                    cpuTable(gatewayCpu, gatewayCpu - emptyStartCpu, kamailioCpu, sippCpu), empty, restored);
            System.out.println(SippErrors.summary(server.log()));
            reportEdgeProblems(peers.edge().log());
            reportSettled(finished, empty);
        }
    }

    /**
     * Kamailio's errors and warnings during the run (the edge logs at {@code debug=0} here, so these are all it
     * says): the first few and their count, which is where a connection it dropped toward the gateway shows.
     */
    private static void reportEdgeProblems(String edgeLog) {
        List<String> problems = edgeLog.lines().filter(line -> line.contains("ERROR") || line.contains("WARNING"))
                .toList();
        System.out.printf("  edge (Kamailio) errors/warnings: %d%n", problems.size());
        problems.stream().limit(15).forEach(line -> System.out.println("    " + line));
    }

    /** The live heap again once the stack's lingering transactions and dialogs are gone: the steady state. */
    private void reportSettled(long finished, HeapHistogram empty) throws IOException, InterruptedException {
        long settleAt = finished + SETTLE.toNanos() / 1000;
        awaitQuietly("the stack's linger time over", () -> Clocks.epochMicros() >= settleAt, SETTLE.plusSeconds(5));
        HeapHistogram settled = HeapHistogram.of(peers.gateway().pid());
        System.out.printf("  live heap %d s after the last NOTIFY (settled): %,d bytes: %,.0f bytes per subscription%n",
                SETTLE.toSeconds(), settled.totalBytes(), (settled.totalBytes() - empty.totalBytes()) / (double) count);
        settled.largestGrowth(empty, 40).forEach(entry -> System.out.printf("    %-70s %,12d bytes  %6.0f B/sub%n",
                entry.getKey(), entry.getValue(), entry.getValue() / (double) count));
        String dumpTo = System.getProperty("parley.bench.heapDump");
        if (dumpTo != null) {
            HeapHistogram.dump(peers.gateway().pid(), Path.of(dumpTo));
            System.out.println("  settled heap dumped to " + dumpTo);
        }
    }

    private static boolean awaitQuietly(String what, BooleanSupplier condition, Duration limit) {
        try {
            Await.until(limit, what, condition);
            return true;
        } catch (AssertionError late) {
            return false;
        }
    }

    private static Map<String, Long> cpuTable(long gateway, long beyondEmptyStart, long kamailio, long sipp) {
        Map<String, Long> table = new LinkedHashMap<>();
        table.put("gateway (from its start)", gateway);
        table.put("gateway minus an empty start", beyondEmptyStart);
        table.put("kamailio", kamailio);
        table.put("sipp", sipp);
        return table;
    }

    private boolean done(SippAgent server) {
        if (!server.isRunning()) {
            return true;
        }
        return SippStatistics.parse(server.statistics()).last()
                .map(row -> row.successful() + row.failed() >= count).orElse(false);
    }

    private void report(long started, long finished, SippStatistics sipp, GatewayLog log, Map<String, Long> cpuNanos,
                        HeapHistogram empty, HeapHistogram restored) {
        System.out.printf("restart with %,d stored subscriptions (<presence%s>):%n", count, pacing.attributes());
        log.first("Presence state loaded").ifPresent(line -> System.out.printf("  (a) store loaded    %7.2f s  %s%n",
                seconds(started, line.epochMicros()), line.line()));
        log.first("presence restored:").ifPresent(line -> System.out.printf(
                "  (b) SUBSCRIBEs handed to the SIP stack %7.2f s  %s%n", seconds(started, line.epochMicros()),
                line.line()));
        log.first("Access Edge reached the gateway").ifPresent(line -> System.out.printf(
                "  slow start over      %7.2f s  %s%n", seconds(started, line.epochMicros()), line.line()));
        sipp.firstReaching(SippStatistics.Row::incoming, count).ifPresentOrElse(
                at -> System.out.printf("  (b) all SUBSCRIBEs at sipp   %7.2f s (±1 s)%n", seconds(started, at)),
                () -> System.out.printf("  (b) SUBSCRIBEs at sipp: only %s%n", sipp.last()));
        sipp.firstReaching(SippStatistics.Row::successful, count).ifPresentOrElse(
                at -> System.out.printf("  (c) all NOTIFYs answered 200 %7.2f s (±1 s); %.0f subscriptions/s from the"
                        + " first SUBSCRIBE%n", seconds(started, at), count / seconds(firstIncoming(sipp), at)),
                () -> System.out.printf("  (c) not all answered: %s%n", sipp.last()));
        System.out.printf("  done (benchmark's view) %7.2f s%n", seconds(started, finished));
        System.out.println("  timeline at sipp (s since the gateway's start: SUBSCRIBEs received / NOTIFYs answered 200"
                + " / calls failed):");
        StringBuilder timeline = new StringBuilder("   ");
        List<SippStatistics.Row> rows = sipp.rows();
        for (int i = 0; i < rows.size(); i += 5) {
            SippStatistics.Row row = rows.get(i);
            timeline.append(String.format(" %.0f: %d/%d/%d;", seconds(started, row.epochMicros()), row.incoming(),
                    row.successful(), row.failed()));
        }
        System.out.println(timeline);
        cpuNanos.forEach((process, nanos) -> System.out.printf("  CPU %-26s %8.1f s, %7.1f µs per subscription%n",
                process, nanos / 1e9, nanos / 1e3 / count));
        System.out.printf("  live heap: empty %,d bytes, restored %,d bytes: %,.0f bytes per subscription%n",
                empty.totalBytes(), restored.totalBytes(),
                (restored.totalBytes() - empty.totalBytes()) / (double) count);
        restored.largestGrowth(empty, 25).forEach(entry -> System.out.printf("    %-70s %,12d bytes  %6.0f B/sub%n",
                entry.getKey(), entry.getValue(), entry.getValue() / (double) count));
        List<String> problems = log.problems();
        System.out.printf("  gateway warnings/errors: %d%n", problems.size());
        problems.stream().limit(10).forEach(line -> System.out.println("    " + line));
    }

    private static long firstIncoming(SippStatistics sipp) {
        return sipp.firstReaching(SippStatistics.Row::incoming, 1).orElse(0L);
    }

    private static double seconds(long fromMicros, long toMicros) {
        return (toMicros - fromMicros) / 1e6;
    }
}
