package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.SippAgent;

class SipEdgeMessageIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestPki pki = new TestPki();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingInbound inbound = RecordingInbound.answering(200);
    private SippAgent uas;
    private KamailioEdge edge;
    private SipFederation gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (edge != null) {
            edge.close();
        }
        if (uas != null) {
            uas.close();
        }
    }

    @Test
    void messageFromGatewayReachesSippThroughTheEdgeAndComesBackWith200() throws Exception {
        uas = SippAgent.scenario(getClass().getResource("sipp/uas_message.xml")).substitute("STATUS", "200")
                .calls(1).timeLimit(Duration.ofSeconds(30)).listen();
        InetSocketAddress gatewayAddress = new InetSocketAddress("127.0.0.4", freePort("127.0.0.4"));
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .userAgent(uas.localAddress()).gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(settings(gatewayAddress), inbound, registry);

        SipOutcome outcome = gateway.message("sip:alice@gw.test", "sip:bob@edge.test",
                SipBody.text("text/plain", "hello bob")).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(outcome).as(edge.log()).isInstanceOf(SipOutcome.FinalResponse.class);
        assertThat(((SipOutcome.FinalResponse) outcome).status()).isEqualTo(200);
        assertThat(uas.awaitExit(WAIT)).as(uas.log()).hasValue(0);
        String trace = uas.messageTrace();
        assertThat(trace).contains("hello bob").contains("Via: SIP/2.0/TLS gw.test:" + gatewayAddress.getPort());
        assertThat(edge.log()).contains("cn=[gw.test]");
        assertThat(registry.get("parley.sip.transactions").tag("method", "MESSAGE").tag("outcome", "2xx")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void messageFromSippArrivesAtSipInboundOverTheEdgesMutualTlsConnection() throws Exception {
        InetSocketAddress gatewayAddress = new InetSocketAddress("127.0.0.4", freePort("127.0.0.4"));
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(settings(gatewayAddress), inbound, registry);

        try (SippAgent uac = SippAgent.scenario(getClass().getResource("sipp/uac_message.xml")).service("alice")
                .key("rdomain", "gw.test").calls(1).timeLimit(Duration.ofSeconds(15)).callTo(edge.tcpAddress())) {
            InboundRequest request = inbound.nextRequest(WAIT);
            assertThat(request.method()).isEqualTo("MESSAGE");
            assertThat(request.requestUri()).isEqualTo("sip:alice@gw.test");
            assertThat(request.body()).map(SipBody::text).map(String::strip).hasValue("hello 1");
            assertThat(uac.awaitExit(WAIT)).as(uac.log() + edge.log()).hasValue(0);
        }
    }

    private SipSettings settings(InetSocketAddress listen) {
        return SipSettings.of(listen, "gw.test",
                        new AccessEdge.Direct("127.0.0.5", edge.tlsAddress().getPort(), "edge.test"), pki.tls(pki.gateway))
                .withTimers(new SipSettings.Timers(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1)));
    }

    static int freePort(String ip) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ip, 0));
            return socket.getLocalPort();
        }
    }
}
