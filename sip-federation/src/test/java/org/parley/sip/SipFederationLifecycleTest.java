package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.sip.RawTlsClient.Reply;

/** {@link SipFederation#close()} leaves nothing behind that would keep the JVM alive. */
class SipFederationLifecycleTest {

    private final TestPki pki = new TestPki();

    @Test
    void noNonDaemonThreadOutlivesClose() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        InetSocketAddress listen = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
        SipFederation gateway = SipFederation.start(Fixtures.settings(listen,
                Fixtures.freeAddress(Fixtures.EDGE_IP).getPort(), pki.tls(pki.gateway)),
                RecordingInbound.answering(200), new SimpleMeterRegistry());
        try (RawTlsClient client = RawTlsClient.connect(listen, TestPki.keyManager(pki.edge),
                TestPki.trustManager(pki.anchors()))) {
            client.send(SipListenerRobustnessTest.request("MESSAGE", "", "hi"));
            assertThat(client.read(Duration.ofSeconds(3))).isInstanceOf(Reply.Response.class);
            assertThat(nonDaemonThreads()).as("threads while running").isNotEqualTo(before);

            gateway.close();
        }

        Fixtures.eventually(Duration.ofSeconds(5), "only the threads from before remain: " + names(), () -> {
            Set<Thread> after = nonDaemonThreads();
            after.removeAll(before);
            return after.isEmpty();
        });
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static String names() {
        return nonDaemonThreads().stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
    }
}
