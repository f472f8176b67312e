package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sip.Fixtures.await;
import static org.parley.sip.Fixtures.eventually;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testkit.KamailioEdge;

/** ROBUSTNESS 29: the edge restarts mid-run; the gateway fails fast during the outage and reconnects. */
class SipEdgeReconnectIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private final TestPki pki = new TestPki();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
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
    }

    @Test
    void reconnectsAfterEdgeRestartAndFailsRequestsPromptlyDuringTheOutage() throws SipStartException {
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .gateway(gatewayAddress, "gw.test").start();
        RecordingInbound inbound = RecordingInbound.answering(200);
        gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                pki.tls(pki.gateway)), inbound, registry);
        assertThat(status(send())).isEqualTo(200);

        edge.stop();
        eventually(PROMPTLY, "edge seen down", () -> gateway.edgeState() == EdgeState.DOWN);
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            SipOutcome outcome = send();
            assertThat(outcome).isInstanceOf(SipOutcome.TransportError.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }

        edge.relaunch();
        eventually(Duration.ofSeconds(10), "edge up again", () -> gateway.edgeState() == EdgeState.UP);
        assertThat(status(send())).isEqualTo(200);
        assertThat(registry.get("parley.sip.transactions").tag("method", "MESSAGE").tag("outcome", "transport_error")
                .counter().count()).isEqualTo(5.0);
        assertThat(registry.get("parley.sip.edge.connection").tag("state", "up").gauge().value()).isEqualTo(1.0);
        eventually(PROMPTLY, "the return pushed to the application",
                () -> inbound.edgeStates.stream().filter(s -> s.startsWith("UP")).count() == 2);
        assertThat(inbound.edgeStates).map(s -> s.split(" on ")[0])
                .containsSubsequence("CONNECTING", "UP", "DOWN", "UP");
        assertThat(inbound.edgeStates).allSatisfy(s -> assertThat(s).contains(" on parley-sip-worker-"));
    }

    @Test
    void requestInFlightWhenTheEdgeDiesEndsAsTransportErrorBeforeTimerF() throws SipStartException, IOException {
        // The user agent behind the edge accepts the relayed MESSAGE and never answers.
        ServerSocket silentAgent = new ServerSocket();
        silentAgent.bind(new InetSocketAddress("127.0.0.7", 0));
        try (silentAgent) {
            edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                    .userAgent((InetSocketAddress) silentAgent.getLocalSocketAddress())
                    .gateway(gatewayAddress, "gw.test").start();
            gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                    pki.tls(pki.gateway)), RecordingInbound.answering(200), registry);
            eventually(PROMPTLY, "edge up", () -> gateway.edgeState() == EdgeState.UP);
            inFlightRequestFailsWhenEdgeStops();
        }
    }

    private void inFlightRequestFailsWhenEdgeStops() {
        var pending = gateway.message("sip:alice@gw.test", "sip:nobody@edge.test", SipBody.text("text/plain", "x"));
        eventually(PROMPTLY, "MESSAGE relayed", () -> edge.log().contains("relaying MESSAGE sip:nobody@edge.test"));
        edge.stop();

        assertThat(await(pending, PROMPTLY)).isInstanceOf(SipOutcome.TransportError.class);
    }

    private SipOutcome send() {
        return await(gateway.message("sip:alice@gw.test", "sip:echo@edge.test", SipBody.text("text/plain", "hi")),
                Duration.ofSeconds(10));
    }

    private static int status(SipOutcome outcome) {
        assertThat(outcome).isInstanceOf(SipOutcome.FinalResponse.class);
        return ((SipOutcome.FinalResponse) outcome).status();
    }
}
