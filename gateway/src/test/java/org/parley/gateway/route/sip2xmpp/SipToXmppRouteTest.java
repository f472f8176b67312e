package org.parley.gateway.route.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.route.Direction;
import org.parley.gateway.route.PendingDeliveries;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.sip2xmpp.InboundSettings;
import org.parley.mapper.sip2xmpp.MessageTranslator;
import org.parley.sip.EdgeState;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipResponder;
import org.parley.xmpp.stanza.Stanza;

/** SIP MESSAGEs from the edge: forwarded and answered after the bounded wait, or refused at once. */
class SipToXmppRouteTest {

    private static final Duration WAIT = Duration.ofMillis(300);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, WAIT);
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final Responses responses = new Responses();
    private final SipToXmppRoute route = new SipToXmppRoute("gw.test",
            new MessageTranslator(RouteFixtures.addresses(), InboundSettings.DEFAULTS), RouteFixtures.policy(),
            pending, sent::add, new RouteMetrics(registry));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void forwardsTheMessageAndAnswers202WhenNoErrorComesBackInTheWait() throws Exception {
        route.onRequest(message("sip:alice@jabber.test", "sip:bob@contoso.test", "text/plain", "hello alice",
                List.of()), responses);

        assertThat(sent).hasSize(1);
        Stanza stanza = sent.get(0);
        assertThat(stanza.from().toString()).isEqualTo("bob@contoso.test");
        assertThat(stanza.to().toString()).isEqualTo("alice@jabber.test");
        assertThat(stanza.id()).startsWith("s2x-");
        assertThat(stanza.element().toXml()).contains("<body>hello alice</body>").contains("<thread>call-1</thread>");
        assertThat(responses.next()).isEqualTo(202);
        assertThat(RouteFixtures.count(registry, Direction.SIP_TO_XMPP, RouteOutcome.DELIVERED, "none")).isOne();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            service-unavailable     | 403
            item-not-found          | 604
            remote-server-not-found | 404
            remote-server-timeout   | 408
            recipient-unavailable   | 600
            """)
    void anErrorWithinTheWaitAnswersTheTable2Code(String condition, int status) throws Exception {
        route.onRequest(message("sip:alice@jabber.test", "sip:bob@contoso.test", "text/plain", "hi", List.of()),
                responses);
        Stanza stanza = sent.get(0);

        pending.errorArrived(Stanzas.parse("<message from='alice@jabber.test' to='bob@contoso.test' id='"
                + stanza.id() + "' type='error'><error type='cancel'><" + condition
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));

        assertThat(responses.next()).isEqualTo(status);
        assertThat(RouteFixtures.count(registry, Direction.SIP_TO_XMPP, RouteOutcome.BOUNCED, condition)).isOne();
    }

    @ParameterizedTest(name = "{0} from {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            sip:carol@evil.test      | sip:bob@contoso.test  | text/plain   | 403 | policy-violation
            sip:carol@contoso.test   | sip:bob@contoso.test  | text/plain   | 404 | item-not-found
            sip:carol@xmpponly.test  | sip:bob@contoso.test  | text/plain   | 404 | item-not-found
            sip:alice@jabber.test    | sip:eve@other.test    | text/plain   | 403 | forbidden
            sips:alice@jabber.test   | sip:bob@contoso.test  | text/plain   | 416 | not-acceptable
            sip:alice@jabber.test    | sip:bob@contoso.test  | image/png    | 415 | not-acceptable
            """)
    void refusesWithoutForwarding(String target, String sender, String type, int status, String condition)
            throws Exception {
        route.onRequest(message(target, sender, type, "hi", List.of()), responses);

        assertThat(responses.next()).isEqualTo(status);
        assertThat(sent).isEmpty();
        assertThat(RouteFixtures.count(registry, Direction.SIP_TO_XMPP, RouteOutcome.REFUSED, condition)).isOne();
    }

    @Test
    void answers415WithTheAcceptedTypes() throws Exception {
        route.onRequest(message("sip:alice@jabber.test", "sip:bob@contoso.test", "image/png", "x", List.of()),
                responses);

        assertThat(responses.next()).isEqualTo(415);
        assertThat(responses.headers).contains(new SipHeader("Accept",
                "text/plain, text/html, message/cpim, application/im-iscomposing+xml"));
    }

    @Test
    void answers482ToAMessageThatAlreadyPassedThroughTheGateway() throws Exception {
        route.onRequest(message("sip:alice@jabber.test", "sip:bob@contoso.test", "text/plain", "hi",
                List.of(new SipHeader("Via", "SIP/2.0/TLS gw.test:5061;branch=z9hG4bKloop"))), responses);

        assertThat(responses.next()).isEqualTo(482);
        assertThat(sent).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SUBSCRIBE | 489
            INVITE    | 488
            BYE       | 481
            CANCEL    | 481
            REGISTER  | 405
            """)
    void answersOtherMethodsForNow(String method, int status) throws Exception {
        route.onRequest(new InboundRequest(method, "sip:alice@jabber.test", "sip:bob@contoso.test",
                "sip:alice@jabber.test", "call-1", List.of(new SipHeader("CSeq", "1 " + method)), Optional.empty()),
                responses);

        assertThat(responses.next()).isEqualTo(status);
        assertThat(sent).isEmpty();
    }

    @Test
    void forwardsEveryEdgeStateChangeInOrder() {
        List<EdgeState> states = new CopyOnWriteArrayList<>();
        SipToXmppRoute following = new SipToXmppRoute("gw.test",
                new MessageTranslator(RouteFixtures.addresses(), InboundSettings.DEFAULTS), RouteFixtures.policy(),
                pending, sent::add, new RouteMetrics(registry), Optional.empty(), states::add);

        following.onEdgeState(EdgeState.UP);
        following.onEdgeState(EdgeState.DOWN);
        route.onEdgeState(EdgeState.UP);

        assertThat(states).containsExactly(EdgeState.UP, EdgeState.DOWN);
    }

    private static InboundRequest message(String target, String sender, String type, String body,
                                          List<SipHeader> extra) {
        List<SipHeader> headers = new java.util.ArrayList<>(extra);
        headers.add(new SipHeader("CSeq", "1 MESSAGE"));
        return new InboundRequest("MESSAGE", target, sender, target, "call-1", headers,
                Optional.of(new SipBody(type, body.getBytes(StandardCharsets.UTF_8))));
    }

    /** Records the statuses and the headers of the last response. */
    static final class Responses implements SipResponder {
        private final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
        private volatile List<SipHeader> headers = List.of();

        @Override
        public boolean respond(int status, List<SipHeader> headers, Optional<SipBody> body) {
            this.headers = headers;
            statuses.add(status);
            return true;
        }

        int next() throws InterruptedException {
            Integer status = statuses.poll(5, TimeUnit.SECONDS);
            assertThat(status).as("a response").isNotNull();
            return status;
        }
    }
}
