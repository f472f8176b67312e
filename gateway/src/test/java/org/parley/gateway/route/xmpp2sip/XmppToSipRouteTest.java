package org.parley.gateway.route.xmpp2sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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
import org.parley.mapper.xmpp2sip.MessageSettings;
import org.parley.mapper.xmpp2sip.MessageTranslator;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;

/** Stanzas from remote XMPP domains: messages become MESSAGEs, everything else is answered or dropped. */
class XmppToSipRouteTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofSeconds(30));
    private final List<Stanza> replies = new CopyOnWriteArrayList<>();
    private final List<OutboundRequest> requests = new CopyOnWriteArrayList<>();
    private SipOutcome answer = new SipOutcome.FinalResponse(200, "OK", List.of(), Optional.empty());

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void sendsAMessageWithTheMappedAddressesThreadAndBody() {
        route(Runnable::run).received(Stanzas.parse("<message from='alice@jabber.test/pc' to='bob@contoso.test' "
                + "id='m1' type='chat' xml:lang='en'><body>hello bob</body><thread>t-42</thread></message>"));

        assertThat(requests).hasSize(1);
        OutboundRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("MESSAGE");
        assertThat(request.requestUri()).isEqualTo("sip:bob@contoso.test");
        assertThat(request.from()).isEqualTo("<sip:alice@jabber.test;gr=pc>");
        assertThat(request.to()).isEqualTo("<sip:bob@contoso.test>");
        assertThat(request.headers()).contains(new SipHeader("Call-ID", "t-42"),
                new SipHeader("Content-Language", "en"));
        assertThat(request.body().orElseThrow().contentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(request.body().orElseThrow().text()).isEqualTo("hello bob");
        assertThat(replies).isEmpty();
        assertThat(RouteFixtures.count(registry, Direction.XMPP_TO_SIP, RouteOutcome.DELIVERED, "none")).isOne();
    }

    @Test
    void answersARequestedReceiptWhenTheSipUserAgentAccepted() {
        route(Runnable::run).received(Stanzas.parse("<message from='alice@jabber.test/pc' to='bob@contoso.test' "
                + "id='m1'><body>hi</body><request xmlns='urn:xmpp:receipts'/></message>"));

        assertThat(replies).singleElement().satisfies(receipt ->
                assertThat(receipt.element().toXml()).contains("<received xmlns='urn:xmpp:receipts' id='m1'/>"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            404 | item-not-found
            480 | recipient-unavailable
            486 | recipient-unavailable
            503 | internal-server-error
            """)
    void bouncesAnErrorResponseToTheSender(int status, String condition) {
        answer = new SipOutcome.FinalResponse(status, "No", List.of(), Optional.empty());

        route(Runnable::run).received(Stanzas.parse(
                "<message from='alice@jabber.test/pc' to='bob@contoso.test' id='m1'><body>hi</body></message>"));

        assertThat(errorCondition(replies.get(0))).isEqualTo(condition);
        assertThat(RouteFixtures.count(registry, Direction.XMPP_TO_SIP, RouteOutcome.BOUNCED, condition)).isOne();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mallory@evil.test     | bob@contoso.test     | policy-violation
            alice@jabber.test     | carol@xmpponly.test  | item-not-found
            alice@jabber.test     | contoso.test         | item-not-found
            """)
    void refusesWithoutSendingAnything(String from, String to, String condition) {
        route(Runnable::run).received(Stanzas.parse(
                "<message from='" + from + "' to='" + to + "' id='m1'><body>hi</body></message>"));

        assertThat(requests).isEmpty();
        assertThat(errorCondition(replies.get(0))).isEqualTo(condition);
        assertThat(RouteFixtures.count(registry, Direction.XMPP_TO_SIP, RouteOutcome.REFUSED, condition)).isOne();
    }

    @Test
    void answersAnIqRequestAndIgnoresPresence() {
        XmppToSipRoute route = route(Runnable::run);

        route.received(Stanzas.parse("<iq from='alice@jabber.test/pc' to='bob@contoso.test' id='q1' type='get'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));
        route.received(Stanzas.parse("<presence from='alice@jabber.test/pc' to='bob@contoso.test'/>"));

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.id()).isEqualTo("q1");
            assertThat(errorCondition(reply)).isEqualTo("service-unavailable");
        });
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesAtOnceWhenTheWorkersAreSaturated() {
        route(task -> {
            throw new RejectedExecutionException("full");
        }).received(Stanzas.parse(
                "<message from='alice@jabber.test/pc' to='bob@contoso.test' id='m1'><body>hi</body></message>"));

        assertThat(requests).isEmpty();
        assertThat(errorCondition(replies.get(0))).isEqualTo("resource-constraint");
    }

    @Test
    void refusesAtOnceWhenTheQueuedStanzasReachTheBound() {
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        XmppToSipRoute route = route(handedOver::add, 1);

        route.received(message("alice@jabber.test/pc", "m1", "queued"));
        route.received(message("carol@jabber.test/pc", "m2", "refused"));

        assertThat(errorCondition(replies.get(0))).isEqualTo("resource-constraint");
        handedOver.forEach(Runnable::run);
        assertThat(requests).extracting(r -> r.body().orElseThrow().text()).containsExactly("queued");
    }

    @Test
    void forwardsTheMessagesOfOneSenderInArrivalOrderWhateverOrderThePoolRunsItsTasks() {
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        XmppToSipRoute route = route(handedOver::add);

        route.received(message("alice@jabber.test/pc", "m1", "first"));
        route.received(message("carol@jabber.test/pc", "m2", "carol's"));
        route.received(message("alice@jabber.test/phone", "m3", "second"));
        route.received(message("alice@jabber.test/pc", "m4", "third"));
        for (int i = handedOver.size() - 1; i >= 0; i--) {
            handedOver.get(i).run();
        }

        assertThat(requests).extracting(r -> r.body().orElseThrow().text())
                .containsExactly("carol's", "first", "second", "third");
        assertThat(handedOver).as("one task per sender on the pool").hasSize(2);
    }

    @Test
    void anErrorAboutAMessageFromSipEndsItsWait() {
        Stanza sent = Stanzas.parse("<message from='bob@contoso.test' to='alice@jabber.test' id='s2x-9'>"
                + "<body>hi</body></message>");
        List<PendingDeliveries.Fate> fates = new CopyOnWriteArrayList<>();
        pending.await(sent, fates::add);

        route(Runnable::run).received(Stanzas.parse("<message from='alice@jabber.test' to='bob@contoso.test' "
                + "id='s2x-9' type='error'><error type='cancel'><service-unavailable "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));

        assertThat(fates).singleElement().isInstanceOf(PendingDeliveries.Fate.Bounced.class);
        assertThat(requests).isEmpty();
        assertThat(replies).isEmpty();
    }

    @Test
    void aBouncedPresenceChangesNothingWhileABouncedMessageIsMatchedOnTheWorkers() {
        List<Runnable> handedOver = new CopyOnWriteArrayList<>();
        XmppToSipRoute route = route(handedOver::add);

        route.bounced(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='error'>"
                + "<error type='cancel'><remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "</error></presence>"));
        assertThat(handedOver).as("a bounced probe is no late IM error").isEmpty();

        route.bounced(Stanzas.parse("<message from='alice@jabber.test' to='bob@contoso.test' id='s2x-1' "
                + "type='error'><error type='cancel'><remote-server-not-found "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));
        assertThat(handedOver).hasSize(1);
    }

    private XmppToSipRoute route(Executor workers) {
        return route(workers, 100);
    }

    private XmppToSipRoute route(Executor workers, int queue) {
        return new XmppToSipRoute(new KeyedLanes<>(workers, queue), pending,
                new MessageTranslator(RouteFixtures.addresses(), MessageSettings.DEFAULTS), RouteFixtures.policy(),
                request -> {
                    requests.add(request);
                    return CompletableFuture.completedFuture(answer);
                }, replies::add, new RouteMetrics(registry));
    }

    private static Stanza message(String from, String id, String body) {
        return Stanzas.parse("<message from='" + from + "' to='bob@contoso.test' id='" + id + "' type='chat'>"
                + "<body>" + body + "</body></message>");
    }

    private static String errorCondition(Stanza reply) {
        assertThat(reply.type()).isEqualTo("error");
        return StanzaError.from(reply.element()).orElseThrow().condition().elementName();
    }
}
