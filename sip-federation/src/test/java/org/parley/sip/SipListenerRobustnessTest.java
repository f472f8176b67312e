package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.sip.Fixtures.eventually;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sip.RawTlsClient.Reply;

/**
 * ROBUSTNESS 17–19 over a live mutual-TLS connection (RFC 4475 §3.1.2 in spirit): malformed, oversized and
 * flooding input from a peer holding the edge's certificate, written as raw bytes to the gateway's listener.
 * Limits here: messages 16 KiB, bodies 4 KiB, 20 requests/s with a burst of 10 per connection, 8 connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipListenerRobustnessTest {

    private static final Duration ANSWER = Duration.ofSeconds(3);
    /** Longer than the read timeout (the fast timers' 3 s handshake bound) that ends a stalled message. */
    private static final Duration STALL = Duration.ofSeconds(6);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestPki pki = new TestPki();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingInbound inbound = RecordingInbound.answering(200);
    private final InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
    private final List<RawTlsClient> clients = new ArrayList<>();
    private SipFederation gateway;

    /** What the gateway must do with one input. */
    enum Expect { DROPPED, CLOSED, ANSWERED }

    @BeforeAll
    void start() throws SipStartException {
        int closedEdgePort = Fixtures.freeAddress(Fixtures.EDGE_IP).getPort();
        SipSettings settings = Fixtures.settings(gatewayAddress, closedEdgePort, pki.tls(pki.gateway))
                .withTimers(new SipSettings.Timers(Duration.ofSeconds(2), Duration.ofSeconds(3),
                        Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .withLimits(new SipSettings.Limits(16 * 1024, 4096, 20, 10, 8, 100));
        gateway = SipFederation.start(settings, inbound, registry);
    }

    @AfterEach
    void closeClients() throws Exception {
        for (RawTlsClient client : clients) {
            client.close();
        }
        clients.clear();
        inbound.requests.clear();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    static Stream<Arguments> torture() {
        String valid = request("MESSAGE", "", "hi");
        return Stream.of(
                Arguments.of("garbage start line", "\u0001\u0002 this is not SIP\r\n\r\n", Expect.DROPPED, 0),
                Arguments.of("no Call-ID (no answer can be formed)",
                        valid.replaceFirst("Call-ID: [^\r]*\r\n", ""), Expect.DROPPED, 0),
                Arguments.of("no Max-Forwards", valid.replaceFirst("Max-Forwards: 70\r\n", ""), Expect.ANSWERED, 400),
                // jain-sip-ri's parser reads any SIP/x.y as SIP/2.0, so RFC 4475 §3.1.2.16's 505 is not given
                Arguments.of("unknown SIP version, read as 2.0", valid.replaceFirst("SIP/2.0\r\n", "SIP/7.0\r\n"),
                        Expect.ANSWERED, 200),
                Arguments.of("unknown method", request("FOO", "", ""), Expect.ANSWERED, 501),
                Arguments.of("method not allowed", request("REGISTER", "", ""), Expect.ANSWERED, 405),
                Arguments.of("body over the limit", request("MESSAGE", "", "x".repeat(5000)), Expect.ANSWERED, 413),
                Arguments.of("unreadable Content-Length", request("MESSAGE", "Content-Length: abc\r\n", "hello"),
                        Expect.CLOSED, 0),
                Arguments.of("negative Content-Length", request("MESSAGE", "Content-Length: -5\r\n", ""),
                        Expect.CLOSED, 0),
                Arguments.of("two different Content-Lengths",
                        request("MESSAGE", "Content-Length: 2\r\nl: 7\r\n", "hi"), Expect.CLOSED, 0),
                Arguments.of("Content-Length far beyond the message limit",
                        request("MESSAGE", "Content-Length: 100000000\r\n", ""), Expect.CLOSED, 0),
                Arguments.of("header longer than the message limit",
                        request("MESSAGE", "X-Big: " + "a".repeat(20_000) + "\r\n", "hi"), Expect.CLOSED, 0),
                Arguments.of("Content-Length longer than the body, then silence",
                        request("MESSAGE", "Content-Length: 500\r\n", "short"), Expect.CLOSED, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("torture")
    void handlesTortuousInputAndStaysUsable(String name, String input, Expect expect, int status) throws Exception {
        RawTlsClient client = connect();
        client.send(input);

        switch (expect) {
            case ANSWERED -> {
                Reply reply = client.read(ANSWER);
                assertThat(reply).isInstanceOfSatisfying(Reply.Response.class,
                        r -> assertThat(r.status()).isEqualTo(status));
                assertThat(answerTo(client, request("MESSAGE", "", "after"))).isEqualTo(200);
            }
            case DROPPED -> {
                assertThat(client.read(Duration.ofSeconds(1))).isInstanceOf(Reply.Silence.class);
                assertThat(answerTo(client, request("MESSAGE", "", "after"))).isEqualTo(200);
            }
            case CLOSED -> assertThat(client.closedWithin(STALL)).as("connection closed").isTrue();
        }
        assertThat(inbound.requests).extracting(r -> r.body().map(SipBody::text).orElse(""))
                .allMatch(text -> text.equals("after") || status == 200);
        assertThat(answerTo(connect(), request("MESSAGE", "", "after"))).as("a fresh connection").isEqualTo(200);
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() throws Exception {
        RawTlsClient client = connect();
        client.send(request("REGISTER", "", ""));

        Reply reply = client.read(ANSWER);

        assertThat(reply).isInstanceOfSatisfying(Reply.Response.class, r -> {
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.text()).contains("Allow: ").contains("MESSAGE").contains("SUBSCRIBE");
        });
    }

    @Test
    void lostFramingIsCountedAsRefused() throws Exception {
        double before = counter("parley.sip.requests.refused", "reason", "framing");
        RawTlsClient client = connect();
        client.send(request("MESSAGE", "Content-Length: x\r\n", ""));

        assertThat(client.closedWithin(ANSWER)).isTrue();
        assertThat(counter("parley.sip.requests.refused", "reason", "framing")).isEqualTo(before + 1);
    }

    @Test
    void missingMaxForwardsIsAnswered400AndCountedAsRefused() throws Exception {
        double before = counter("parley.sip.requests.refused", "reason", "missing_header");
        RawTlsClient client = connect();
        client.send(request("MESSAGE", "", "hi").replaceFirst("Max-Forwards: 70\r\n", ""));

        assertThat(client.read(ANSWER)).isInstanceOfSatisfying(Reply.Response.class,
                r -> assertThat(r.status()).isEqualTo(400));
        assertThat(counter("parley.sip.requests.refused", "reason", "missing_header")).isEqualTo(before + 1);
    }

    @Test
    void messageCutOffByItsConnectionIsDroppedAndCountedAsRefused() throws Exception {
        double before = counter("parley.sip.requests.refused", "reason", "cut_off");
        RawTlsClient client = connect();
        client.send(request("MESSAGE", "Content-Length: 500\r\n", "cut"));

        assertThat(client.closedWithin(STALL)).as("connection closed").isTrue();
        eventually(ANSWER, "cut-off message counted",
                () -> counter("parley.sip.requests.refused", "reason", "cut_off") == before + 1);
        assertThat(inbound.requests).extracting(r -> r.body().map(SipBody::text).orElse("")).noneMatch(
                text -> text.startsWith("cut"));
    }

    @Test
    void floodOnOneConnectionIsRateLimitedWithRetryAfterWhileAnotherIsServed() throws Exception {
        RawTlsClient flooder = connect();
        RawTlsClient neighbour = connect();
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            flood.append(request("MESSAGE", "", "flood"));
        }

        flooder.send(flood.toString());
        List<Reply.Response> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Reply reply = flooder.read(ANSWER);
            assertThat(reply).as("answer %d", i).isInstanceOf(Reply.Response.class);
            answers.add((Reply.Response) reply);
        }

        assertThat(answers).filteredOn(r -> r.status() == 503).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isPresent());
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSizeBetween(10, 20);
        assertThat(answerTo(neighbour, request("MESSAGE", "", "neighbour"))).isEqualTo(200);
        assertThat(counter("parley.sip.requests.refused", "reason", "rate_limited")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void failedHandshakesAreCountedAndGiveBackTheirConnectionSlots() throws Exception {
        int attempts = 12; // more than the 8 connection slots
        for (int i = 0; i < attempts; i++) {
            try (RawTlsClient anonymous = RawTlsClient.connect(gatewayAddress, new NoCertificateKeyManager(),
                    TestPki.trustManager(pki.anchors()))) {
                anonymous.send(request("OPTIONS", "", ""));
                assertThat(anonymous.read(ANSWER)).isInstanceOf(Reply.Closed.class);
            } catch (java.io.IOException refused) {
                // refused during the client's handshake, or the connection already closed when writing
            }
        }

        eventually(ANSWER, "failures counted", () ->
                counter("parley.sip.tls.failures", "reason", "no_certificate") == attempts);
        assertThat(answerTo(connect(), request("MESSAGE", "", "after"))).isEqualTo(200);
    }

    private int answerTo(RawTlsClient client, String request) throws Exception {
        client.send(request);
        Reply reply = client.read(ANSWER);
        assertThat(reply).isInstanceOf(Reply.Response.class);
        return ((Reply.Response) reply).status();
    }

    private double counter(String name, String tag, String value) {
        Counter counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private RawTlsClient connect() throws Exception {
        RawTlsClient client = RawTlsClient.connect(gatewayAddress, TestPki.keyManager(pki.edge),
                TestPki.trustManager(pki.anchors()));
        clients.add(client);
        return client;
    }

    /** A request as the edge would send it; {@code extra} lines that set Content-Length replace the computed one. */
    static String request(String method, String extra, String body) {
        long n = SEQUENCE.incrementAndGet();
        String length = extra.toLowerCase(java.util.Locale.ROOT).contains("content-length")
                ? "" : "Content-Length: " + body.length() + "\r\n";
        return method + " sip:alice@gw.test SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.5:5061;branch=z9hG4bK-robust-" + n + "\r\n"
                + "From: <sip:bob@edge.test>;tag=f" + n + "\r\nTo: <sip:alice@gw.test>\r\n"
                + "Call-ID: robust-" + n + "@edge.test\r\nCSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n"
                + "Content-Type: text/plain\r\n" + extra + length + "\r\n" + body;
    }
}
