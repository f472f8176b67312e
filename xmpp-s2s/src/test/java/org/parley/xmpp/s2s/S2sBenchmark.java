package org.parley.xmpp.s2s;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.parley.testkit.DnsmasqServer;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;
import org.parley.testkit.RawC2sClient;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.DnsSettings;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/**
 * The s2s benchmarks of docs/benchmarks.md, as a program (not a test: nothing is asserted). Runs on loopback in
 * a few minutes: stanzas/s through one authenticated stream between two gateway instances (clear and TLS), the
 * same through real Prosody (Prosody → Prosody against Prosody → gateway, driven by one raw c2s client), new
 * authenticated domain pairs per second (dialback in clear and over TLS), and heap per idle connection.
 * Arguments: {@code [messages] [pairs]}, default 200000 and 400.
 */
public final class S2sBenchmark {

    private static final int WINDOW = 5_000;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private S2sBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        System.out.printf("machine: %d cores, %s; %s %s%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        for (boolean tls : new boolean[] {false, true}) {
            try (GatewayPair pair = new GatewayPair(Set.of("a.test"), tls)) {
                stream(pair, messages / 10, "warm-up");
                stream(pair, messages, tls ? "gateway -> gateway, one stream, TLS + SASL EXTERNAL"
                        : "gateway -> gateway, one stream, clear + dialback");
            }
        }
        prosodyComparison(messages / 2);
        for (boolean tls : new boolean[] {false, true}) {
            newPairs(pairs, tls);
        }
    }

    /** Sends {@code n} messages over the pair's one route, at most {@link #WINDOW} unacknowledged. */
    private static void stream(GatewayPair pair, int n, String label) {
        Stanza message = Stanza.of(StanzaKind.MESSAGE, Jid.of("alice@a.test/r"), Jid.of("bob@b.test/r"), "m1", "chat",
                List.of(XmlElement.builder(XmppNamespaces.SERVER, "body").text("hello from the benchmark").build()));
        long established = pair.received.get() + 1;
        pair.a.send(message);
        awaitCount(pair.received::get, established);
        Run run = Run.start();
        long base = pair.received.get();
        pump(n, WINDOW, () -> pair.received.get() - base, () -> pair.a.send(message));
        run.report(label, n, "JVM (both gateways and the generator)");
    }

    private static void prosodyComparison(int n) throws Exception {
        TestPki pki = new TestPki();
        String aIp = Loopback.freeAddress();
        String bIp = Loopback.freeAddress();
        String gwIp = Loopback.freeAddress();
        int aS2s = Loopback.freePort(aIp);
        int bS2s = Loopback.freePort(bIp);
        int gwPort = Loopback.freePort(gwIp);
        AtomicLong atGateway = new AtomicLong();
        try (DnsmasqServer dns = DnsmasqServer.builder()
                .address("jabber.test", aIp).srv("_xmpp-server._tcp.jabber.test", "jabber.test", aS2s, 0, 5)
                .address("other.test", bIp).srv("_xmpp-server._tcp.other.test", "other.test", bS2s, 0, 5)
                .address("gw.test", gwIp).srv("_xmpp-server._tcp.gw.test", "gw.test", gwPort, 0, 5)
                .start(Loopback.freeAddress());
             ProsodyServer a = prosody("jabber.test", aIp, aS2s, dns, pki, "alice");
             ProsodyServer b = prosody("other.test", bIp, bS2s, dns, pki, "bob")) {
            XmppFederation gateway = new XmppFederation(settings(Set.of("gw.test"), new InetSocketAddress(gwIp, gwPort),
                    TlsSettings.disabled(), Optional.of(dns.address())), PeerPolicy.open(),
                    counting(atGateway), new SimpleMeterRegistry());
            gateway.start();
            try (RawC2sClient alice = RawC2sClient.login(a.c2sAddress(), "jabber.test", "alice", "pw");
                 RawC2sClient bob = RawC2sClient.login(b.c2sAddress(), "other.test", "bob", "pw")) {
                bob.countMessagesInBackground();
                byte[] toBob = batch("bob@other.test/r");
                byte[] toGateway = batch("bob@gw.test");
                prosodyRun(alice, toBob, bob::messagesReceived, n / 10, null, "warm-up");
                prosodyRun(alice, toGateway, atGateway::get, n / 10, null, "warm-up");
                prosodyRun(alice, toBob, bob::messagesReceived, n, b, "Prosody -> Prosody (c2s delivery on B)");
                prosodyRun(alice, toGateway, atGateway::get, n, null, "Prosody -> gateway");
            } finally {
                gateway.stop();
            }
        }
    }

    private static void prosodyRun(RawC2sClient sender, byte[] batch, LongSupplier received, int n,
                                   ProsodyServer receiver, String label) {
        long base = received.getAsLong();
        long receiverCpu = receiver == null ? 0 : procCpuNanos(receiver.pid());
        Run run = Run.start();
        pump(n / BATCH, WINDOW / BATCH, () -> (received.getAsLong() - base) / BATCH, () -> {
            try {
                sender.write(batch);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String cpu = receiver == null ? "JVM (gateway and raw clients)" : "JVM (raw clients only)";
        run.report(label, n, cpu);
        if (receiver != null) {
            System.out.printf("    receiving Prosody: %.1f us CPU per message%n",
                    (procCpuNanos(receiver.pid()) - receiverCpu) / 1e3 / n);
        }
    }

    private static final int BATCH = 100;

    private static byte[] batch(String to) {
        String one = "<message to='" + to + "' type='chat'><body>hello from the benchmark</body></message>";
        return one.repeat(BATCH).getBytes(StandardCharsets.UTF_8);
    }

    /** Opens {@code pairs} domain pairs at once; reports pairs/s and heap per idle connection. */
    private static void newPairs(int pairs, boolean tls) throws Exception {
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < pairs; i++) {
            domains.add("a" + i + ".test");
        }
        try (GatewayPair pair = new GatewayPair(domains, tls)) {
            long heapBefore = heapAfterGc();
            Run run = Run.start();
            for (String domain : domains) {
                pair.a.send(Stanza.of(StanzaKind.MESSAGE, Jid.of("u@" + domain), Jid.of("bob@b.test"), "p", "chat",
                        List.of()));
            }
            awaitCount(pair.received::get, pairs);
            String label = "new domain pairs, " + (tls ? "dialback over TLS" : "dialback in clear")
                    + " (each: 2 connections, 2 dialback exchanges" + (tls ? ", 2 TLS handshakes)" : ")");
            run.report(label, pairs, "JVM (both gateways)");
            long connections = 2L * pairs;
            System.out.printf("    heap per idle authenticated connection (both ends in this JVM): %.1f KiB%n",
                    (heapAfterGc() - heapBefore) / 1024.0 / connections);
        }
    }

    private static void pump(int n, int window, LongSupplier done, Runnable sendOne) {
        for (int i = 0; i < n; i++) {
            while (i - done.getAsLong() > window) {
                LockSupport.parkNanos(100_000);
            }
            sendOne.run();
        }
        awaitCount(done, n);
    }

    private static void awaitCount(LongSupplier count, long target) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count.getAsLong() + " of " + target + " arrived");
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** Wall and CPU time of one measured run. */
    private record Run(long wallStart, long cpuStart) {
        static Run start() {
            return new Run(System.nanoTime(), OS.getProcessCpuTime());
        }

        void report(String label, int n, String cpuScope) {
            double seconds = (System.nanoTime() - wallStart) / 1e9;
            double cpuMicros = (OS.getProcessCpuTime() - cpuStart) / 1e3;
            System.out.printf("%-62s %8d in %6.2f s = %9.0f /s; %s CPU %.1f us each%n", label, n, seconds,
                    n / seconds, cpuScope, cpuMicros / n);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long procCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String cpuModel() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU");
    }

    private static ProsodyServer prosody(String domain, String ip, int s2s, DnsmasqServer dns, TestPki pki,
                                         String user) {
        return ProsodyServer.builder(domain).ip(ip).ports(Loopback.freePort(ip), s2s).dns(dns.address())
                .certificate(pki.issue(domain)).user(user, "pw")
                .logLevel("warn").start();
    }

    private static XmppInbound counting(AtomicLong count) {
        return new XmppInbound() {
            @Override
            public void received(Stanza stanza) {
                count.incrementAndGet();
            }

            @Override
            public void bounced(Stanza error) {
                throw new IllegalStateException("bounced: " + error.element());
            }
        };
    }

    private static S2sSettings settings(Set<String> domains, InetSocketAddress listen, TlsSettings tls,
                                        Optional<InetSocketAddress> dns) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new S2sSettings(domains, listen, tls, new DialbackKeys(secret), new DnsSettings(dns, Duration.ofSeconds(2)),
                S2sLimits.defaults().withMaxUnauthenticatedPerAddress(100_000).withMaxStanzasPerSecond(10_000_000),
                S2sTimeouts.defaults().withConnect(Duration.ofSeconds(60)));
    }

    /**
     * Gateway A serving {@code aDomains} and gateway B serving {@code b.test}, each finding the other through the
     * policy's host and port override (no DNS); TLS optional with certificates from one test CA, A's naming only
     * {@code a.test} (so other A domains use dialback over TLS).
     */
    private static final class GatewayPair implements AutoCloseable {
        final AtomicLong received = new AtomicLong();
        final XmppFederation a;
        final XmppFederation b;

        GatewayPair(Set<String> aDomains, boolean tls) throws Exception {
            TestPki pki = new TestPki();
            String aIp = Loopback.freeAddress();
            String bIp = Loopback.freeAddress();
            Map<String, InetSocketAddress> where = new ConcurrentHashMap<>();
            PeerPolicy policy = domain -> {
                InetSocketAddress at = where.get(domain.equals("b.test") ? "b" : "a");
                return new PeerDecision.Permitted(domain, TlsRequirement.OPTIONAL, AuthRequirement.ANY,
                        Optional.of(at.getAddress().getHostAddress()), OptionalInt.of(at.getPort()));
            };
            a = new XmppFederation(settings(aDomains, new InetSocketAddress(aIp, 0),
                    tls ? pki.tls(TlsMode.OPTIONAL, pki.issue("a.test")) : TlsSettings.disabled(), Optional.empty()),
                    policy, counting(new AtomicLong()), new SimpleMeterRegistry());
            b = new XmppFederation(settings(Set.of("b.test"), new InetSocketAddress(bIp, 0),
                    tls ? pki.tls(TlsMode.OPTIONAL, pki.issue("b.test")) : TlsSettings.disabled(), Optional.empty()),
                    policy, counting(received), new SimpleMeterRegistry());
            where.put("a", a.start());
            where.put("b", b.start());
        }

        @Override
        public void close() {
            a.stop();
            b.stop();
        }
    }
}
