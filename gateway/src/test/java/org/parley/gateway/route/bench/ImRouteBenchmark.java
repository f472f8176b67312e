package org.parley.gateway.route.bench;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.testkit.RawC2sClient;
import org.parley.testkit.SippAgent;

/**
 * The IM routes benchmark (docs/benchmarks.md, "IM routes"), a {@code main} never run by {@code mvn verify}. In one
 * run against the peers of the IM integration tests ({@link ImPeers}: Prosody, the packaged gateway as its own
 * process, Kamailio, sipp, dnsmasq) it sends the same fixed-rate load of chat messages through four paths, one
 * after the other: (a) XMPP → SIP through the gateway (raw c2s client → Prosody → gateway → Kamailio → sipp UAS),
 * (b) SIP → XMPP (sipp UAC → Kamailio → gateway → Prosody → raw client), (c) Prosody → Prosody over s2s (raw client
 * → Prosody → Prosody → raw client) and (d) sipp UAC → Kamailio → sipp UAS. It reports the arrival rate, one-way
 * latency (send and arrival times from this JVM's clock and sipp's microsecond trace stamps) and each process's CPU
 * time per message. Arguments: {@code [messagesPerSecond=1000] [seconds=10] [warmUpSeconds=10]}; the warm-up
 * sends the same load through every path first, untimed.
 */
public final class ImRouteBenchmark {

    private static final String SCENARIOS = "/org/parley/gateway/route/sipp/";
    private static final String USER = "bench";

    private final ImPeers peers;
    private final ProcessCpu cpu;
    private final RawC2sClient jabber;
    private final Arrivals atJabber = new Arrivals();
    private final Arrivals atOther = new Arrivals();
    private final Map<String, List<Long>> processes = new LinkedHashMap<>();
    private final int rate;
    private final Duration limit;

    private ImRouteBenchmark(ImPeers peers, ProcessCpu cpu, RawC2sClient jabber, int rate, Duration limit) {
        this.peers = peers;
        this.cpu = cpu;
        this.jabber = jabber;
        this.rate = rate;
        this.limit = limit;
        processes.put("gateway", List.of(peers.gateway().pid()));
        processes.put("kamailio", ProcessCpu.withChildren(peers.edge().pid()));
        processes.put("prosody jabber.test", List.of(peers.prosody().pid()));
        processes.put("prosody other.test", List.of(peers.otherProsody().pid()));
        processes.put("benchmark JVM", List.of(ProcessHandle.current().pid()));
        processes.values().forEach(pids -> pids.forEach(cpu::track));
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("parley-imbench");
        Path logback = Path.of(ImRouteBenchmark.class.getResource("/logback-bench.xml").toURI());
        ImPeers.Options options = new ImPeers.Options(1024, 0, "warn",
                List.of("-Dlogback.configurationFile=" + logback), List.of(USER), true);
        try (ImPeers peers = ImPeers.start(dir, options);
             ProcessCpu cpu = new ProcessCpu();
             RawC2sClient jabber = RawC2sClient.login(peers.prosody().c2sAddress(), ImPeers.JABBER, USER, USER);
             RawC2sClient other = RawC2sClient.login(peers.otherProsody().c2sAddress(), ImPeers.OTHER, USER, USER)) {
            ImRouteBenchmark bench = new ImRouteBenchmark(peers, cpu, jabber, rate, Duration.ofSeconds(3L * seconds + 30));
            jabber.readBodiesInBackground(bench.atJabber::record);
            other.readBodiesInBackground(bench.atOther::record);
            System.out.printf("IM routes benchmark: %d msg/s for %d s per path (warm-up: %d s per path)%n", rate,
                    seconds, warmUpSeconds);
            bench.runAll("w", warmUpSeconds * rate);
            List<PathResult> results = bench.runAll("t", seconds * rate);
            results.forEach(r -> System.out.print(r.summary()));
            System.out.print(Ratios.of(results));
        }
    }

    private List<PathResult> runAll(String phase, int count) throws Exception {
        List<PathResult> results = new ArrayList<>();
        results.add(xmppToSip(phase, count));
        results.add(sipToXmpp(count));
        results.add(prosodyToProsody(count));
        results.add(sippToSipp(count));
        if (phase.equals("w")) {
            results.forEach(r -> System.out.printf("  warm-up %-34s %d/%d arrived%n", r.path(), r.arrived(), r.sent()));
        }
        return results;
    }

    /** (a) raw client → Prosody → gateway → Kamailio → sipp UAS; one thread (so one Call-ID) per message. */
    private PathResult xmppToSip(String phase, int count) throws Exception {
        try (SippAgent uas = peers.userAgent(scenario("uas_message.xml"), 200, count, limit)) {
            cpu.track(uas.pid());
            Map<String, Long> before = cpuNow();
            Map<Integer, Long> sent = new HashMap<>();
            Clocks.pace(count, rate, i -> {
                byte[] stanza = ("<message to='bob@" + ImPeers.LOCAL + "' type='chat' id='" + phase + i + "'><thread>"
                        + phase + "-" + i + "</thread><body>" + i + "</body></message>").getBytes(StandardCharsets.UTF_8);
                sent.put(i, Clocks.epochMicros());
                jabber.write(stanza);
            });
            uas.awaitExit(limit);
            Map<String, Long> used = since(before, List.of(uas.pid()));
            return PathResult.of("(a) XMPP -> SIP via gateway", count, sent,
                    SippTrace.messageTimes(uas.messageTrace(), false), used);
        }
    }

    /** (b) sipp UAC → Kamailio → gateway → Prosody → raw client. */
    private PathResult sipToXmpp(int count) throws Exception {
        atJabber.clear();
        try (SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), "bob", USER, ImPeers.JABBER,
                "%u-%p@%s", "bench", 202, count, rate, limit)) {
            cpu.track(uac.pid());
            Map<String, Long> before = cpuNow();
            awaitCount(atJabber::count, count);
            uac.awaitExit(limit);
            Map<String, Long> used = since(before, List.of(uac.pid()));
            return PathResult.of("(b) SIP -> XMPP via gateway", count,
                    SippTrace.messageTimes(uac.messageTrace(), true), atJabber.snapshot(), used);
        }
    }

    /** (c) raw client → Prosody jabber.test → s2s → Prosody other.test → raw client. */
    private PathResult prosodyToProsody(int count) throws Exception {
        atOther.clear();
        Map<String, Long> before = cpuNow();
        Map<Integer, Long> sent = new HashMap<>();
        Clocks.pace(count, rate, i -> {
            byte[] stanza = ("<message to='" + USER + "@" + ImPeers.OTHER + "' type='chat'><body>" + i
                    + "</body></message>").getBytes(StandardCharsets.UTF_8);
            sent.put(i, Clocks.epochMicros());
            jabber.write(stanza);
        });
        awaitCount(atOther::count, count);
        return PathResult.of("(c) Prosody -> Prosody (s2s)", count, sent, atOther.snapshot(), since(before, List.of()));
    }

    /** (d) sipp UAC → Kamailio → sipp UAS, no gateway. */
    private PathResult sippToSipp(int count) throws Exception {
        try (SippAgent uas = peers.userAgent(scenario("uas_message.xml"), 200, count, limit);
             SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), "alice", "bob", ImPeers.LOCAL,
                     "%u-%p@%s", "bench", 200, count, rate, limit)) {
            cpu.track(uas.pid());
            cpu.track(uac.pid());
            Map<String, Long> before = cpuNow();
            uac.awaitExit(limit);
            uas.awaitExit(limit);
            Map<String, Long> used = since(before, List.of(uas.pid(), uac.pid()));
            return PathResult.of("(d) sipp -> Kamailio -> sipp", count,
                    SippTrace.messageTimes(uac.messageTrace(), true),
                    SippTrace.messageTimes(uas.messageTrace(), false), used);
        }
    }

    private void awaitCount(IntSupplier arrived, int count) {
        try {
            Await.until(limit, count + " messages", () -> arrived.getAsInt() >= count);
        } catch (AssertionError late) {
            System.out.printf("  only %d of %d arrived within %s%n", arrived.getAsInt(), count, limit);
        }
    }

    private Map<String, Long> cpuNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        processes.forEach((name, pids) -> now.put(name, cpu.nanos(pids)));
        now.put("gateway JIT compiler", ProcessCpu.compilerNanos(peers.gateway().pid()));
        now.put("gateway without JIT", now.get("gateway") - now.get("gateway JIT compiler"));
        return now;
    }

    /** CPU used by the fixed processes since {@code before}, plus the whole CPU time of the sipp processes. */
    private Map<String, Long> since(Map<String, Long> before, List<Long> sipps) {
        Map<String, Long> used = new LinkedHashMap<>();
        cpuNow().forEach((name, nanos) -> used.put(name, nanos - before.get(name)));
        if (!sipps.isEmpty()) {
            used.put("sipp", cpu.nanos(sipps));
        }
        return used;
    }

    private static URL scenario(String name) {
        return ImRouteBenchmark.class.getResource(SCENARIOS + name);
    }
}
