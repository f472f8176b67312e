package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
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
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;
import org.parley.xmpp.stanza.Stanza;

/** The presence meters move with what the routes do: stanzas, SUBSCRIBEs by kind, NOTIFYs, ends, gauges. */
class PresenceMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PresenceMetrics metrics = new PresenceMetrics(registry);
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final List<SubscriptionId> ids = new ArrayList<>();
    private final PresenceRoute route = route();

    @Test
    void countsPresenceFromXmppByTypeAndOutcome() {
        route.received(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='subscribe'/>"));
        route.received(Stanzas.parse("<presence from='mallory@evil.test' to='bob@contoso.test' type='subscribe'/>"));
        route.received(Stanzas.parse("<presence from='alice@jabber.test/x' to='bob@contoso.test'/>"));
        route.received(Stanzas.parse("<presence from='alice@jabber.test/x' to='bob@contoso.test' type='error'>"
                + "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</presence>"));

        assertThat(stanzas("xmpp-to-sip", "subscribe", "delivered")).isEqualTo(1);
        assertThat(stanzas("xmpp-to-sip", "subscribe", "refused")).isEqualTo(1);
        assertThat(stanzas("xmpp-to-sip", "available", "delivered")).isEqualTo(1);
        assertThat(stanzas("xmpp-to-sip", "error", "absorbed")).isEqualTo(1);
    }

    @Test
    void followsOneOfTheGatewaysSubscriptionsFromSubscribeToUnsubscribe() {
        route.received(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='subscribe'/>"));
        SubscriptionId id = ids.get(0);
        route.onSubscription(new SubscriptionEvent.Accepted(id, Duration.ofSeconds(600), false));
        route.onSubscription(new SubscriptionEvent.Notified(id, SubscriptionEvent.SubscriptionState.ACTIVE,
                Optional.empty()));

        assertThat(subscribes("initial")).isEqualTo(1);
        assertThat(gauge("parley.presence.subscriptions", "direction", "xmpp-to-sip")).isEqualTo(1);
        assertThat(registry.get("parley.presence.notifies").tag("direction", "received").counter().count())
                .isEqualTo(1);
        assertThat(stanzas("sip-to-xmpp", "subscribed", "delivered")).isEqualTo(1);
        assertThat(stanzas("sip-to-xmpp", "unavailable", "delivered")).as("a NOTIFY without a body").isEqualTo(1);

        route.onSubscription(new SubscriptionEvent.Accepted(id, Duration.ofSeconds(600), true));
        route.received(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='unsubscribe'/>"));
        route.onSubscription(new SubscriptionEvent.Terminated(id, "timeout"));

        assertThat(subscribes("refresh")).isEqualTo(1);
        assertThat(subscribes("unsubscribe")).isEqualTo(1);
        assertThat(ends("unsubscribed")).isEqualTo(1);
        assertThat(gauge("parley.presence.subscriptions", "direction", "xmpp-to-sip")).isZero();
    }

    @Test
    void countsEndsByWhatTheyMean() {
        route.received(Stanzas.parse("<presence from='alice@jabber.test' to='bob@contoso.test' type='subscribe'/>"));
        route.received(Stanzas.parse("<presence from='carol@jabber.test' to='bob@contoso.test' type='subscribe'/>"));
        route.onSubscription(new SubscriptionEvent.Terminated(ids.get(0), "rejected"));
        route.onSubscription(new SubscriptionEvent.Terminated(ids.get(1), "refused: 503 Service Unavailable"));

        assertThat(ends("end-authorization")).isEqualTo(1);
        assertThat(ends("lose-presence")).isEqualTo(1);
    }

    @Test
    void restoreProgressCountsStoredSubscriptionsSentAgainAndThoseActiveAgain() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SipAddress bob = SipAddress.of("bob", "contoso.test");
        route.restore(new RestoredState(t, List.of(
                authorized(bob, "alice"), authorized(bob, "carol")), List.of(), List.of(), List.of(), List.of()));

        assertThat(subscribes("restore")).isEqualTo(2);
        assertThat(gauge("parley.presence.restore", "state", "to-restore")).isEqualTo(2);
        assertThat(gauge("parley.presence.restore", "state", "restored")).isZero();

        route.onSubscription(new SubscriptionEvent.Accepted(ids.get(1), Duration.ofSeconds(600), false));

        assertThat(gauge("parley.presence.restore", "state", "restored")).isEqualTo(1);
    }

    @Test
    void countsNotifiesSentToAcceptedWatchersAndTheirSubscriptions() {
        WatcherId id = new WatcherId("w1", "t1");
        WatcherEvent.Subscribed metered = (WatcherEvent.Subscribed) metrics.watcher(new WatcherEvent.Subscribed(id,
                new InboundRequest("SUBSCRIBE", "sip:alice@jabber.test", "sip:bob@contoso.test",
                        "sip:alice@jabber.test", "w1", List.of(), Optional.empty()),
                Duration.ofSeconds(600), new AcceptingNotifier(id)));

        metered.notifier().accept(Duration.ofSeconds(600), WatcherState.ACTIVE, Optional.empty());
        metered.notifier().notify(WatcherState.ACTIVE, Optional.empty());
        assertThat(registry.get("parley.presence.notifies").tag("direction", "sent").counter().count()).isEqualTo(2);
        assertThat(gauge("parley.presence.subscriptions", "direction", "sip-to-xmpp")).isEqualTo(1);

        metrics.watcher(new WatcherEvent.Ended(id, WatcherEvent.EndReason.UNSUBSCRIBED, "bye"));
        assertThat(gauge("parley.presence.subscriptions", "direction", "sip-to-xmpp")).isZero();
    }

    @Test
    void followsTheDepthOfThePacedQueueAndItsRate() {
        PacedSubscriber paced = new PacedSubscriber(new QuietSubscriber(), 2, PacedSubscriber.SlowStart.of(1), 10,
                () -> new SubscriptionId("c" + ids.size() + "@gw.test"),
                event -> { }, (task, delay) -> { }, () -> 0L);
        metrics.queue(paced);

        paced.subscribe(SubscribeRequest.presence("sip:alice@jabber.test", "sip:bob@contoso.test", Duration.ofHours(1)));
        paced.subscribe(SubscribeRequest.presence("sip:alice@jabber.test", "sip:dan@contoso.test", Duration.ofHours(1)));

        assertThat(registry.get("parley.presence.subscribe.queue").gauge().value()).isEqualTo(1);
        assertThat(registry.get("parley.presence.subscribe.rate").gauge().value()).as("the start rate").isEqualTo(1);
        paced.edgeReached();
        assertThat(registry.get("parley.presence.subscribe.rate").gauge().value()).as("the full rate").isEqualTo(2);
    }

    private double stanzas(String direction, String type, String outcome) {
        return registry.get("parley.presence.stanzas").tag("direction", direction).tag("type", type)
                .tag("outcome", outcome).counter().count();
    }

    private double subscribes(String kind) {
        return registry.get("parley.presence.subscribes").tag("kind", kind).counter().count();
    }

    private double ends(String end) {
        return registry.get("parley.presence.subscription.ends").tag("end", end).counter().count();
    }

    private double gauge(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).gauge().value();
    }

    private static PresenceAuthorization authorized(SipAddress presentity, String watcher) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return PresenceAuthorization.of(new AuthorizationKey(presentity, XmppAddress.of(watcher, "jabber.test"),
                AuthorizationDirection.XMPP_TO_SIP), AuthorizationState.AUTHORIZED, t);
    }

    private PresenceRoute route() {
        SubscriptionMapper mapper = new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        FakeState state = new FakeState(true);
        SipSubscriber subscriber = new SipSubscriber() {
            @Override
            public SubscriptionId subscribe(SubscribeRequest request) {
                SubscriptionId id = new SubscriptionId("c" + ids.size());
                ids.add(id);
                return id;
            }

            @Override
            public void unsubscribe(SubscriptionId id) {
            }
        };
        var toXmpp = metrics.toXmpp(sent::add);
        return new PresenceRoute(RouteFixtures.addresses(), RouteFixtures.policy(),
                new SipPresentities(mapper, new NotifyBodies(RouteFixtures.addresses()), subscriber, state, toXmpp,
                        clock, (task, delay) -> { }, Duration.ofSeconds(30), metrics),
                new SipWatchers(RouteFixtures.addresses(), mapper, new XmppToPidf(RouteFixtures.addresses()),
                        RouteFixtures.policy(), state, state, toXmpp, clock, Duration.ofSeconds(3600),
                        (dialog, event, remaining, ceiling) -> Optional.empty()),
                sent::add, state, Optional.empty(), metrics);
    }

    /** A notifier that takes every decision and NOTIFY. */
    private record AcceptingNotifier(WatcherId id) implements SipNotifier {
        @Override
        public boolean accept(Duration expires, WatcherState state, Optional<SipBody> body) {
            return true;
        }

        @Override
        public boolean reject(int status) {
            return true;
        }

        @Override
        public boolean notify(WatcherState state, Optional<SipBody> body) {
            return true;
        }

        @Override
        public boolean terminate(TerminationReason reason) {
            return true;
        }
    }
}
