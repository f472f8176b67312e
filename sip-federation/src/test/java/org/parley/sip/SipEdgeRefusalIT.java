package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sip.Fixtures.await;
import static org.parley.sip.Fixtures.eventually;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.pki.IssuedCertificate;
import org.parley.sip.stack.PeerNameTrustManager;
import org.parley.testkit.KamailioEdge;
import org.slf4j.LoggerFactory;

/** Each refusal of ISSUE 4: by the edge (Kamailio) of a bad gateway, and by the gateway of a bad peer. */
class SipEdgeRefusalIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    private final TestPki pki = new TestPki();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingInbound inbound = RecordingInbound.answering(200);
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
    void edgeRefusesGatewayWithoutCertificate() {
        startEdge(pki.edge);
        startGateway(new NoCertificateKeyManager());

        assertThat(messageOutcome()).isInstanceOf(SipOutcome.TransportError.class);
        eventually(PROMPTLY, "edge down", () -> gateway.edgeState() == EdgeState.DOWN);
        assertThat(edge.log()).doesNotContain("edge: TLS MESSAGE");
    }

    @Test
    void edgeRefusesGatewayWithSelfSignedCertificate() {
        startEdge(pki.edge);
        startGateway(new AnyIssuerKeyManager(pki.pki.selfSigned(List.of("gw.test"))));

        assertThat(messageOutcome()).isInstanceOf(SipOutcome.TransportError.class);
        eventually(PROMPTLY, "edge down", () -> gateway.edgeState() == EdgeState.DOWN);
        assertThat(edge.log()).doesNotContain("edge: TLS MESSAGE");
    }

    @Test
    void edgeAnswers403ToGatewayWithCaIssuedCertificateForAnotherName() {
        startEdge(pki.edge);
        startGateway(TestPki.keyManager(pki.pki.issue(pki.ca, List.of("rogue.test"))));

        SipOutcome outcome = messageOutcome();

        assertThat(outcome).isInstanceOfSatisfying(SipOutcome.FinalResponse.class,
                r -> assertThat(r.status()).isEqualTo(403));
        assertThat(edge.log()).contains("refusing TLS peer cn=[rogue.test]");
    }

    @Test
    void gatewayRefusesEdgePresentingAnotherNameAndLogsBothNames() {
        ListAppender<ILoggingEvent> logs = capture();
        startEdge(pki.pki.issue(pki.ca, List.of("other.test")));
        startGateway(TestPki.keyManager(pki.gateway));

        assertThat(messageOutcome()).isInstanceOf(SipOutcome.TransportError.class);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("expected name edge.test") && m.contains("[other.test]"));
        assertThat(registry.get("parley.sip.tls.failures").tag("reason", "name_mismatch")
                .tag("direction", "outbound").counter().count()).isGreaterThanOrEqualTo(1.0);
        assertThat(edge.log()).doesNotContain("edge: TLS MESSAGE");
    }

    @Test
    void gatewayRefusesClientWithCaIssuedCertificateForUnexpectedName() throws Exception {
        ListAppender<ILoggingEvent> logs = capture();
        startEdge(pki.edge);
        startGateway(TestPki.keyManager(pki.gateway));

        String answer = exchange(TestPki.keyManager(pki.pki.issue(pki.ca, List.of("rogue.test"))));

        assertThat(answer).doesNotContain("SIP/2.0 200");
        assertThat(inbound.requests).isEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("expected name edge.test") && m.contains("[rogue.test]"));
        assertThat(registry.get("parley.sip.tls.failures").tag("reason", "name_mismatch")
                .tag("direction", "inbound").counter().count()).isEqualTo(1.0);
    }

    @Test
    void gatewayRefusesClientWithoutCertificate() throws Exception {
        startEdge(pki.edge);
        startGateway(TestPki.keyManager(pki.gateway));

        String answer = exchange(new NoCertificateKeyManager());

        assertThat(answer).doesNotContain("SIP/2.0 200");
        assertThat(inbound.requests).isEmpty();
    }

    @Test
    void gatewayAcceptsTheEdgesOwnCertificate() throws Exception {
        startEdge(pki.edge);
        startGateway(TestPki.keyManager(pki.gateway));

        String answer = exchange(TestPki.keyManager(pki.edge));

        assertThat(answer).startsWith("SIP/2.0 200");
        assertThat(inbound.nextRequest(PROMPTLY).method()).isEqualTo("MESSAGE");
    }

    private void startEdge(IssuedCertificate certificate) {
        edge = KamailioEdge.builder().tls(certificate, pki.anchors()).allowedPeer("gw.test")
                .gateway(gatewayAddress, "gw.test").start();
    }

    private void startGateway(X509ExtendedKeyManager keyManager) {
        SipTls tls = new SipTls(keyManager, TestPki.trustManager(pki.anchors()));
        try {
            gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(), tls),
                    inbound, registry);
        } catch (SipStartException e) {
            throw new AssertionError(e);
        }
    }

    private SipOutcome messageOutcome() {
        long start = System.nanoTime();
        SipOutcome outcome = await(gateway.message("sip:alice@gw.test", "sip:echo@edge.test",
                SipBody.text("text/plain", "hi")), PROMPTLY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
        return outcome;
    }

    /** Connects to the gateway as a TLS client with {@code keyManager}, sends a MESSAGE, returns the answer. */
    private String exchange(X509ExtendedKeyManager keyManager) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {keyManager}, new TrustManager[] {TestPki.trustManager(pki.anchors())}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(
                gatewayAddress.getAddress(), gatewayAddress.getPort())) {
            socket.setSoTimeout(3000);
            String body = "hello";
            String request = "MESSAGE sip:alice@gw.test SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.5:5061;branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                    + "From: <sip:bob@edge.test>;tag=1\r\nTo: <sip:alice@gw.test>\r\n"
                    + "Call-ID: " + System.nanoTime() + "@edge.test\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readAnswer(socket.getInputStream());
        } catch (IOException e) {
            return "refused: " + e;
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        return n < 0 ? "closed" : new String(buffer, 0, n, StandardCharsets.US_ASCII);
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(PeerNameTrustManager.class)).addAppender(appender);
        return appender;
    }
}
