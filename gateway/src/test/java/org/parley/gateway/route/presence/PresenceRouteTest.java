package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.RestoredState;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionId;
import org.parley.xmpp.stanza.Stanza;

/** Presence stanzas entering the routes: the allow list, the addressee, and which side handles each type. */
class PresenceRouteTest {

    private final List<SubscribeRequest> subscribes = new CopyOnWriteArrayList<>();
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final PresenceRoute route = route();

    @Test
    void aSubscribeFromAnAllowedDomainToASipUserBecomesASubscribe() {
        route.received(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='subscribe'/>"));

        assertThat(subscribes).singleElement().satisfies(request -> {
            assertThat(request.to()).isEqualTo("sip:bob@contoso.test");
            assertThat(request.event()).isEqualTo("presence");
        });
        assertThat(sent).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            mallory@evil.test  | bob@contoso.test    | policy-violation
            alice@jabber.test  | carol@xmpponly.test | item-not-found
            """)
    void aRefusedSubscribeIsAnsweredWithAPresenceError(String from, String to, String condition) {
        route.received(Stanzas.parse("<presence from='" + from + "' to='" + to + "' type='subscribe' id='s1'/>"));

        assertThat(subscribes).isEmpty();
        assertThat(sent).singleElement().satisfies(error -> {
            assertThat(error.type()).isEqualTo("error");
            assertThat(error.element().toXml()).contains("<" + condition);
        });
    }

    @Test
    void refusedBroadcastPresenceIsDroppedSilently() {
        route.received(Stanzas.parse("<presence from='mallory@evil.test/x' to='bob@contoso.test'/>"));
        route.received(Stanzas.parse("<presence from='alice@jabber.test/x' to='bob@contoso.test' type='error'>"
                + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</presence>"));

        assertThat(sent).isEmpty();
        assertThat(state.changes).isEmpty();
    }

    @Test
    void broadcastPresenceFromAnAllowedContactIsRecorded() {
        route.received(Stanzas.parse("<presence from='alice@jabber.test/x' to='bob@contoso.test'/>"));

        assertThat(state.changes).hasSize(1);
        assertThat(state.lastPresence(org.parley.mapper.address.XmppAddress.of("alice", "jabber.test"))).hasSize(1);
    }

    @Test
    void aRestartSubscribesAgainForStoredSubscriptionsAndProbesAuthorizedContacts() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SipAddress bob = SipAddress.of("bob", "contoso.test");
        RestoredState restored = new RestoredState(t, List.of(
                PresenceAuthorization.of(new AuthorizationKey(bob, XmppAddress.of("alice", "jabber.test"),
                        AuthorizationDirection.XMPP_TO_SIP), AuthorizationState.AUTHORIZED, t),
                PresenceAuthorization.of(new AuthorizationKey(bob, XmppAddress.of("mallory", "evil.test"),
                        AuthorizationDirection.XMPP_TO_SIP), AuthorizationState.AUTHORIZED, t),
                PresenceAuthorization.of(new AuthorizationKey(bob, XmppAddress.of("dave", "jabber.test"),
                        AuthorizationDirection.XMPP_TO_SIP), AuthorizationState.REJECTED, t),
                PresenceAuthorization.of(new AuthorizationKey(bob, XmppAddress.of("erin", "jabber.test"),
                        AuthorizationDirection.SIP_TO_XMPP), AuthorizationState.AUTHORIZED, t)),
                List.of(), List.of(), List.of(), List.of());

        route.restore(restored);

        assertThat(subscribes).singleElement().satisfies(request -> {
            assertThat(request.from()).isEqualTo("sip:alice@jabber.test");
            assertThat(request.to()).isEqualTo("sip:bob@contoso.test");
        });
        assertThat(sent).singleElement().satisfies(probe -> {
            assertThat(probe.type()).isEqualTo("probe");
            assertThat(probe.from().toString()).isEqualTo("bob@contoso.test");
            assertThat(probe.to().toString()).isEqualTo("erin@jabber.test");
        });
    }

    private PresenceRoute route() {
        SubscriptionMapper mapper = new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        SipSubscriber subscriber = new SipSubscriber() {
            @Override
            public SubscriptionId subscribe(SubscribeRequest request) {
                subscribes.add(request);
                return new SubscriptionId("c" + subscribes.size());
            }

            @Override
            public void unsubscribe(SubscriptionId id) {
            }
        };
        return new PresenceRoute(RouteFixtures.addresses(), RouteFixtures.policy(),
                new SipPresentities(mapper, new NotifyBodies(RouteFixtures.addresses()), subscriber, state, sent::add,
                        clock, (task, delay) -> { }, Duration.ofSeconds(30)),
                new SipWatchers(RouteFixtures.addresses(), mapper, new XmppToPidf(RouteFixtures.addresses()),
                        RouteFixtures.policy(), state, state, sent::add, clock, Duration.ofSeconds(3600),
                        (dialog, event, remaining, ceiling) -> Optional.empty()),
                sent::add, state);
    }
}
