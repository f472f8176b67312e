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
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppPresence;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.InboundRequest;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.xmpp.stanza.Stanza;

/** SIP users watching XMPP users (RFC 8048 §5.3, §6.2): the gateway as notifier. */
class SipWatchersTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final AuthorizationKey ALICE_WATCHES_BOB = new AuthorizationKey(
            SipAddress.of("alice", "contoso.test"), XmppAddress.of("bob", "jabber.test"),
            AuthorizationDirection.SIP_TO_XMPP);

    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(false);
    private final SipWatchers watchers = new SipWatchers(RouteFixtures.addresses(),
            new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS),
            new XmppToPidf(RouteFixtures.addresses()), RouteFixtures.policy(), state, state, sent::add,
            Clock.fixed(T, ZoneOffset.UTC), Duration.ofSeconds(3600),
            (dialog, event, remaining, ceiling) -> Optional.empty());

    @Test
    void aNewWatcherIsAcceptedPendingAndTheContactAskedToAuthorize() {
        FakeNotifier notifier = subscribe("sip:bob@jabber.test", Duration.ofSeconds(7200));

        assertThat(notifier.calls).containsExactly("accept 3600 PENDING");
        assertThat(sent).singleElement().satisfies(subscribe -> {
            assertThat(subscribe.type()).isEqualTo("subscribe");
            assertThat(subscribe.from().toString()).isEqualTo("alice@contoso.test");
            assertThat(subscribe.to().toString()).isEqualTo("bob@jabber.test");
        });
        assertThat(state.authorization(ALICE_WATCHES_BOB).orElseThrow().state())
                .isEqualTo(AuthorizationState.PENDING);
    }

    @Test
    void subscribedActivatesTheWatcherOnceDurableWithTheLastPresenceThenProbes() {
        FakeNotifier notifier = subscribe("sip:bob@jabber.test", Duration.ofSeconds(600));
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'>"
                + "<show>away</show><status>walking</status></presence>"));
        sent.clear();

        watchers.subscribed(read("<presence from='bob@jabber.test' to='alice@contoso.test' type='subscribed'/>"));
        assertThat(notifier.calls).containsExactly("accept 600 PENDING");
        state.makeDurable();

        assertThat(notifier.calls).containsExactly("accept 600 PENDING", "notify ACTIVE");
        assertThat(notifier.bodies).singleElement().satisfies(body -> assertThat(body.text())
                .contains("<basic>open</basic>").contains("away").contains("walking"));
        assertThat(sent).singleElement().satisfies(probe -> assertThat(probe.type()).isEqualTo("probe"));
    }

    @Test
    void presenceOfTheContactIsNotifiedToActiveWatchersOnly() {
        FakeNotifier pending = subscribe("sip:bob@jabber.test", Duration.ofSeconds(600));
        state.apply(StateChange.put(PresenceAuthorization.of(ALICE_WATCHES_BOB, AuthorizationState.AUTHORIZED, T)));
        FakeNotifier active = subscribe("sip:bob@jabber.test", Duration.ofSeconds(600));

        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'>"
                + "<show>dnd</show><status>on a call</status></presence>"));
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test' type='unavailable'/>"));

        assertThat(pending.calls).containsExactly("accept 600 PENDING");
        assertThat(active.calls).containsExactly("accept 600 ACTIVE", "notify ACTIVE", "notify ACTIVE");
        assertThat(active.bodies.get(1).text()).contains("<basic>open</basic>").contains("dnd")
                .contains("on a call");
        assertThat(active.bodies.get(2).text()).contains("<basic>closed</basic>");
    }

    @Test
    void anEndedWatcherIsNotNotifiedAnyMore() {
        state.apply(StateChange.put(PresenceAuthorization.of(ALICE_WATCHES_BOB, AuthorizationState.AUTHORIZED, T)));
        FakeNotifier notifier = subscribe("sip:bob@jabber.test", Duration.ofSeconds(600));

        watchers.event(new WatcherEvent.Ended(notifier.id(), WatcherEvent.EndReason.UNSUBSCRIBED, "Expires 0"));
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'/>"));

        assertThat(notifier.calls).containsExactly("accept 600 ACTIVE");
    }

    @Test
    void unsubscribedTerminatesTheWatchersAsRejected() {
        FakeNotifier notifier = subscribe("sip:bob@jabber.test", Duration.ofSeconds(600));

        watchers.unsubscribed(read("<presence from='bob@jabber.test' to='alice@contoso.test' type='unsubscribed'/>"));

        assertThat(notifier.calls).containsExactly("accept 600 PENDING", "terminate rejected");
        assertThat(state.authorization(ALICE_WATCHES_BOB).orElseThrow().state())
                .isEqualTo(AuthorizationState.REJECTED);
    }

    @Test
    void aWatcherOfADomainNotAllowedIsRefused403() {
        FakeNotifier notifier = subscribe("sip:mallory@evil.test", Duration.ofSeconds(600));

        assertThat(notifier.calls).containsExactly("reject 403");
        assertThat(sent).isEmpty();
    }

    private FakeNotifier subscribe(String target, Duration requested) {
        WatcherId id = new WatcherId("w-" + System.nanoTime(), "tag");
        FakeNotifier notifier = new FakeNotifier(id);
        InboundRequest request = new InboundRequest("SUBSCRIBE", target, "sip:alice@contoso.test", target,
                id.callId(), List.of(), Optional.empty());
        watchers.event(new WatcherEvent.Subscribed(id, request, requested, notifier));
        return notifier;
    }

    private static XmppPresence read(String xml) {
        return PresenceStanzas.read(Stanzas.parse(xml)).orElseThrow();
    }
}
