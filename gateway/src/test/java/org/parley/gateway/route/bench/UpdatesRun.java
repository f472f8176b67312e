package org.parley.gateway.route.bench;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.mapper.address.XmppAddress;
import org.parley.testkit.RawC2sClient;
import org.parley.testkit.SippAgent;

/**
 * Presence updates per second each way through the gateway (docs/benchmarks.md, "Presence"), at a fixed offered
 * rate, with a warm-up and a timed window:
 * <ul>
 *   <li><b>SIP → XMPP</b>: {@code subscriptions} stored XMPP-to-SIP authorizations (SIP users {@code bob0…} watched
 *       by XMPP users {@code pw0…pw9@jabber.test}, logged in as raw c2s clients) are subscribed again when the
 *       gateway starts; a sipp presence server behind the edge accepts each and sends NOTIFYs in every dialog, one
 *       per {@code subscriptions / rate} seconds. Counted: presence stanzas with the NOTIFY's note at the clients.</li>
 *   <li><b>XMPP → SIP</b>: {@code subscriptions} sipp watchers ({@code watcher1…@contoso.test}, authorized in the
 *       store beforehand) subscribe through the edge to {@code bench@jabber.test}; the raw client {@code bench} sends
 *       directed presence (status {@code uN}) to the watchers in turn at the offered rate. Counted: NOTIFYs with note
 *       {@code uN} at sipp, with the one-way latency from the client's send to sipp's receipt.</li>
 * </ul>
 * CPU per update is the CPU time of each process over the timed window divided by the updates that arrived in it.
 */
final class UpdatesRun {

    static final int XMPP_RECEIVERS = 10;
    private static final String SENDER = "bench";
    private static final Pattern NOTE_NUMBER = Pattern.compile("<note[^>]*>u(\\d+)</note>");
    private static final URL NOTIFIER = UpdatesRun.class.getResource("/org/parley/gateway/route/bench/sipp/uas_notifier.xml");
    private static final URL WATCHERS = UpdatesRun.class.getResource("/org/parley/gateway/route/bench/sipp/uac_watchers.xml");

    private final ImPeers peers;
    private final ProcessCpu cpu;
    private final int subscriptions;
    private final int rate;
    private final int warmUpSeconds;
    private final int seconds;
    private final Duration limit;
    private final Map<String, List<Long>> processes = new LinkedHashMap<>();

    UpdatesRun(ImPeers peers, ProcessCpu cpu, int subscriptions, int rate, int warmUpSeconds, int seconds) {
        this.peers = peers;
        this.cpu = cpu;
        this.subscriptions = subscriptions;
        this.rate = rate;
        this.warmUpSeconds = warmUpSeconds;
        this.seconds = seconds;
        this.limit = Duration.ofSeconds(3L * (warmUpSeconds + seconds) + 60);
    }

    /** The XMPP users the benchmark logs in: the sender and the receivers. */
    static List<String> users() {
        List<String> users = new ArrayList<>(List.of(SENDER));
        for (int i = 0; i < XMPP_RECEIVERS; i++) {
            users.add("pw" + i);
        }
        return users;
    }

    void run() throws Exception {
        peers.killGateway();
        StoredSubscriptions.write(peers.storeUrl(), subscriptions,
                StoredSubscriptions.xmppToSip("bob", ImPeers.LOCAL, "pw", XMPP_RECEIVERS, ImPeers.JABBER));
        StoredSubscriptions.write(peers.storeUrl(), subscriptions, StoredSubscriptions.sipToXmpp("watcher",
                ImPeers.LOCAL, XmppAddress.of(SENDER, ImPeers.JABBER)));
        List<RawC2sClient> receivers = new ArrayList<>();
        try (RawC2sClient sender = RawC2sClient.login(peers.prosody().c2sAddress(), ImPeers.JABBER, SENDER, SENDER)) {
            ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < XMPP_RECEIVERS; i++) {
                RawC2sClient receiver = RawC2sClient.login(peers.prosody().c2sAddress(), ImPeers.JABBER, "pw" + i,
                        "pw" + i);
                receivers.add(receiver);
                receiver.readTextInBackground("status", text -> {
                    if (text.equals("n")) {
                        arrivals.add(Clocks.epochMicros());
                    }
                });
            }
            sender.write("<presence/>");
            Window sipToXmpp = sipToXmpp(arrivals);
            Window xmppToSip = xmppToSip(sender);
            System.out.print(sipToXmpp.summary("SIP -> XMPP (NOTIFY in -> presence out)"));
            System.out.print(xmppToSip.summary("XMPP -> SIP (presence in -> NOTIFY out)"));
        } finally {
            for (RawC2sClient receiver : receivers) {
                receiver.close();
            }
        }
    }

    private Window sipToXmpp(ConcurrentLinkedQueue<Long> arrivals) throws Exception {
        int pauseMillis = Math.max(1, subscriptions * 1000 / rate);
        int perDialog = (warmUpSeconds + seconds + 5) * 1000 / pauseMillis;
        try (SippAgent notifier = peers.userAgentBuilder(NOTIFIER).substitute("DELAY", "3000")
                .substitute("PAUSE", Integer.toString(pauseMillis)).substitute("COUNT", Integer.toString(perDialog))
                .calls(subscriptions).timeLimit(limit).traceMessages(false).statistics(1).listen()) {
            peers.restartGateway();
            trackAll(List.of(notifier.pid()));
            Await.until(limit, "the first presence from a NOTIFY", () -> !arrivals.isEmpty());
            long start = Clocks.epochMicros();
            Await.until(limit, "the warm-up", () -> Clocks.epochMicros() - start >= warmUpSeconds * 1_000_000L);
            Window window = Window.open(this, arrivals::size);
            Await.until(limit, "the timed window", () -> window.elapsedMicros() >= seconds * 1_000_000L);
            window.close();
            notifier.awaitExit(limit);
            SippStatistics.parse(notifier.statistics()).last().ifPresent(row -> System.out.printf(
                    "  SIP -> XMPP: sipp notifier %d dialogs ok, %d failed; %d presence stanzas arrived in all%n",
                    row.successful(), row.failed(), arrivals.size()));
            return window;
        }
    }

    private Window xmppToSip(RawC2sClient sender) throws Exception {
        int total = (warmUpSeconds + seconds) * rate;
        try (SippAgent watchers = peers.clientBuilder(WATCHERS).service(SENDER).key("rdomain", ImPeers.JABBER)
                .key("from_domain", ImPeers.LOCAL).substitute("END", "end").calls(subscriptions)
                .rate(Math.min(subscriptions, 200)).timeLimit(limit).callTo(peers.edge().tcpAddress())) {
            trackAll(List.of(watchers.pid()));
            Await.until(limit, subscriptions + " watchers notified", () ->
                    count(watchers.messageTrace(), "NOTIFY sip:") >= subscriptions);
            Map<Integer, Long> sent = new HashMap<>();
            Window[] window = new Window[1];
            int warmUp = warmUpSeconds * rate;
            Clocks.pace(total, rate, i -> {
                if (i == warmUp + 1) {
                    window[0] = Window.open(this, () -> 0);
                }
                sent.put(i, Clocks.epochMicros());
                sender.write(directed(1 + (i - 1) % subscriptions, "u" + i));
            });
            window[0].close();
            for (int w = 1; w <= subscriptions; w++) {
                sender.write(directed(w, "end"));
            }
            watchers.awaitExit(limit);
            Map<Integer, Long> received = SippTrace.requestTimes(watchers.messageTrace(), "NOTIFY", false, NOTE_NUMBER);
            return window[0].withArrivals(sent, received, warmUp);
        }
    }

    private static byte[] directed(int watcher, String status) {
        return ("<presence to='watcher" + watcher + "@" + ImPeers.LOCAL + "'><show>away</show><status>" + status
                + "</status></presence>").getBytes(StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private void trackAll(List<Long> sipps) {
        processes.put("gateway", List.of(peers.gateway().pid()));
        processes.put("kamailio", ProcessCpu.withChildren(peers.edge().pid()));
        processes.put("prosody jabber.test", List.of(peers.prosody().pid()));
        processes.put("sipp", sipps);
        processes.put("benchmark JVM", List.of(ProcessHandle.current().pid()));
        processes.values().forEach(pids -> pids.forEach(cpu::track));
    }

    Map<String, Long> cpuNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        processes.forEach((name, pids) -> now.put(name, cpu.nanos(pids)));
        now.put("gateway JIT compiler", ProcessCpu.compilerNanos(peers.gateway().pid()));
        now.put("gateway without JIT", now.get("gateway") - now.get("gateway JIT compiler"));
        return now;
    }

    Map<String, Long> gatewayThreadsNow() {
        return ProcessCpu.threadNanos(peers.gateway().pid());
    }

    int offeredRate() {
        return rate;
    }

    int subscriptions() {
        return subscriptions;
    }
}
