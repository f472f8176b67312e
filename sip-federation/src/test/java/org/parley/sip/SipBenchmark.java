package org.parley.sip;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.util.stream.LongStream;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.SippAgent;

/**
 * The SIP federation benchmark of docs/benchmarks.md (a {@code main}, never run by {@code mvn verify}):
 * <ol>
 *   <li>MESSAGE transactions/s from the gateway over its one mutual-TLS connection through Kamailio to a sipp
 *       UAS, with at most {@code window} in flight; latency from {@code send} to the outcome, measured in the
 *       gateway; CPU of the JVM, Kamailio and sipp from {@code /proc};</li>
 *   <li>new mutual-TLS connections/s with the gateway as server: clients presenting the edge's certificate
 *       (a fresh client context each, so no session resumption) complete the handshake and one OPTIONS.</li>
 * </ol>
 * Arguments: {@code [messages=50000] [window=100] [connections=1000] [clientThreads=2]}.
 */
public final class SipBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SipBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = arg(args, 0, 50_000);
        int window = arg(args, 1, 100);
        int connections = arg(args, 2, 1000);
        int clientThreads = arg(args, 3, 2);
        TestPki pki = new TestPki();
        messages(pki, messages, window);
        handshakes(pki, connections, clientThreads);
    }

    private static void messages(TestPki pki, int count, int window) throws Exception {
        InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
        int warmUp = count / 10;
        int oneByOne = Math.max(100, count / 10);
        try (SippAgent uas = SippAgent.scenario(SipBenchmark.class.getResource("sipp/uas_message.xml"))
                .substitute("STATUS", "200").calls(warmUp + oneByOne + count).timeLimit(Duration.ofMinutes(10)).listen();
             KamailioEdge edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                     .userAgent(uas.localAddress()).gateway(gatewayAddress, "gw.test").sharedMemoryMb(1024)
                     .logLevel(0).start();
             SipFederation gateway = SipFederation.start(SipSettings.of(gatewayAddress, "gw.test",
                     new AccessEdge.Direct(Fixtures.EDGE_IP, edge.tlsAddress().getPort(), "edge.test"),
                     pki.tls(pki.gateway)), RecordingInbound.answering(200), new SimpleMeterRegistry())) {
            Fixtures.eventually(WAIT, "edge up", () -> gateway.edgeState() == EdgeState.UP);
            run(gateway, warmUp, window, new long[warmUp]);
            long[] unloaded = new long[oneByOne];
            run(gateway, unloaded.length, 1, unloaded);
            Arrays.sort(unloaded);
            System.out.printf(Locale.ROOT, "MESSAGE via Kamailio to sipp, one at a time: %d, latency p50 %.2f ms, "
                    + "p99 %.2f ms%n", unloaded.length, percentile(unloaded, 0.5) / 1e6,
                    percentile(unloaded, 0.99) / 1e6);
            long[] latencies = new long[count];
            long jvmBefore = OS.getProcessCpuTime();
            long kamailioBefore = ticks(edge.pid());
            long sippBefore = ticks(uas.pid());
            long start = System.nanoTime();
            int failures = run(gateway, count, window, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            double jvm = (OS.getProcessCpuTime() - jvmBefore) / 1e9;
            double kamailio = (ticks(edge.pid()) - kamailioBefore) / (double) CLOCK_TICKS;
            double sipp = (ticks(uas.pid()) - sippBefore) / (double) CLOCK_TICKS;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "MESSAGE via Kamailio to sipp: %d in %.2f s = %.0f tx/s, %d not 2xx; "
                            + "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (window %d)%n", count, seconds,
                    count / seconds, failures, percentile(latencies, 0.5) / 1e6, percentile(latencies, 0.99) / 1e6,
                    latencies[count - 1] / 1e6, window);
            System.out.printf(Locale.ROOT, "  CPU: gateway JVM %.0f µs/tx (%.2f cores), Kamailio %.2f cores, "
                    + "sipp %.2f cores%n", jvm * 1e6 / count, jvm / seconds, kamailio / seconds, sipp / seconds);
        }
    }

    /** Sends {@code count} MESSAGEs, at most {@code window} outstanding; returns how many were not 2xx. */
    private static int run(SipFederation gateway, int count, int window, long[] latencies) throws Exception {
        Semaphore slots = new Semaphore(window);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failures = new AtomicInteger();
        SipBody body = SipBody.text("text/plain", "benchmark message of a typical chat length, about sixty bytes");
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            long sent = System.nanoTime();
            gateway.message("sip:alice@gw.test", "sip:bob@edge.test", body).thenAccept(outcome -> {
                latencies[index] = System.nanoTime() - sent;
                if (!(outcome instanceof SipOutcome.FinalResponse r && r.isSuccess())) {
                    failures.incrementAndGet();
                }
                slots.release();
                done.countDown();
            });
        }
        if (!done.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("outcomes missing after " + WAIT);
        }
        return failures.get();
    }

    private static void handshakes(TestPki pki, int count, int threads) throws Exception {
        InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
        int closedEdgePort = Fixtures.freeAddress(Fixtures.EDGE_IP).getPort();
        SipSettings settings = Fixtures.settings(gatewayAddress, closedEdgePort, pki.tls(pki.gateway))
                .withTimers(new SipSettings.Timers(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(600), Duration.ofSeconds(2), Duration.ofSeconds(600), Duration.ofSeconds(600)))
                .withLimits(new SipSettings.Limits(256 * 1024, 64 * 1024, 2000, 4000, 256, 10_000));
        // the edge's port is closed: the gateway only serves here, its own edge link stays down
        try (SipFederation gateway = SipFederation.start(settings, RecordingInbound.answering(200),
                new SimpleMeterRegistry())) {
            connect(gatewayAddress, pki, count / 10, threads);
            long jvmBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            long clients = connect(gatewayAddress, pki, count, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            long jvm = OS.getProcessCpuTime() - jvmBefore;
            System.out.printf(Locale.ROOT, "MTLS connections to the gateway (full handshake + one OPTIONS): %d in "
                            + "%.2f s = %.0f /s with %d client threads; CPU per connection: gateway %.2f ms "
                            + "(JVM minus client threads), clients %.2f ms%n", count, seconds, count / seconds, threads,
                    (jvm - clients) / 1e6 / count, clients / 1e6 / count);
        }
    }

    /** Opens {@code count} connections from {@code threads} threads; returns the threads' CPU time in ns. */
    private static long connect(InetSocketAddress gateway, TestPki pki, int count, int threads) throws Exception {
        AtomicLong cpu = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        X509ExtendedKeyManager keys = TestPki.keyManager(pki.edge);
        X509ExtendedTrustManager trust = TestPki.trustManager(pki.anchors());
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    try (RawTlsClient client = RawTlsClient.connect(gateway, keys, trust)) {
                        client.send(options(n));
                        if (!(client.read(Duration.ofSeconds(5)) instanceof RawTlsClient.Reply.Response r)
                                || r.status() != 200) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (refused.incrementAndGet() == 1) {
                            System.out.println("  first failed connection: " + e);
                        }
                    }
                }
                cpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (refused.get() > 0) {
            System.out.printf("  %d connections failed%n", refused.get());
        }
        return cpu.get();
    }

    private static String options(int n) {
        return "OPTIONS sip:gw.test SIP/2.0\r\nVia: SIP/2.0/TLS edge.test:5061;branch=z9hG4bK-bench-" + n + "\r\n"
                + "From: <sip:edge.test>;tag=b" + n + "\r\nTo: <sip:gw.test>\r\nCall-ID: bench-" + n + "@edge.test\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    /** utime + stime of a process and all its descendants, in clock ticks. */
    private static long ticks(long pid) {
        return LongStream.concat(LongStream.of(pid),
                ProcessHandle.of(pid).map(p -> p.descendants().mapToLong(ProcessHandle::pid)).orElse(LongStream.empty()))
                .map(SipBenchmark::ownTicks).sum();
    }

    private static long ownTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
