package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
import org.parley.xmpp.s2s.RouteState;
import org.parley.xmpp.stanza.Stanza;

/** SIP watchers of XMPP contacts across the loss and return of the s2s route to the contacts' domain. */
class XmppDomainLinksTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofSeconds(30);
    private static final AuthorizationKey ALICE_WATCHES_BOB = key("alice", "bob", "jabber.test");
    private static final AuthorizationKey ALICE_WATCHES_CAROL = key("alice", "carol", "jabber.test");
    private static final AuthorizationKey ALICE_WATCHES_ERIN = key("alice", "erin", "other.test");

    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final SipWatchers watchers = new SipWatchers(RouteFixtures.addresses(),
            new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS),
            new XmppToPidf(RouteFixtures.addresses()), RouteFixtures.policy(), state, state, sent::add,
            Clock.fixed(T, ZoneOffset.UTC), Duration.ofSeconds(3600),
            (dialog, event, remaining, ceiling) -> Optional.empty());
    private final List<PresenceAuthorization> stored = new ArrayList<>();
    private final Queue<Runnable> work = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final Queue<Runnable> later = new ArrayDeque<>();
    private final XmppDomainLinks links = linksRunningOn(work::add);

    @Test
    void aLostDomainsWatchersAreNotifiedClosedAndItsAuthorizationsKept() {
        authorize(ALICE_WATCHES_BOB);
        FakeNotifier bob = subscribe("sip:bob@jabber.test");
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'><show>dnd</show>"
                + "</presence>"));
        assertThat(bob.bodies).last().satisfies(body -> assertThat(body.text()).contains("<basic>open</basic>"));

        links.routeChanged("jabber.test", RouteState.LOST);
        runWork();

        assertThat(bob.calls).last().isEqualTo("notify ACTIVE");
        assertThat(bob.bodies).last().satisfies(body -> assertThat(body.text()).contains("<basic>closed</basic>")
                .doesNotContain("<basic>open</basic>"));
        assertThat(state.lastPresence(XmppAddress.of("bob", "jabber.test"))).singleElement()
                .satisfies(last -> assertThat(last.available()).isFalse());
        assertThat(state.authorization(ALICE_WATCHES_BOB).orElseThrow().state())
                .isEqualTo(AuthorizationState.AUTHORIZED);
        assertThat(state.changes).noneMatch(change -> change instanceof StateChange.Remove);
    }

    @Test
    void watchersOfOtherDomainsAreNotTouched() {
        authorize(ALICE_WATCHES_BOB);
        FakeNotifier bob = subscribe("sip:bob@jabber.test");
        List<String> before = List.copyOf(bob.calls);

        links.routeChanged("other.test", RouteState.LOST);
        runWork();

        assertThat(bob.calls).isEqualTo(before);
        assertThat(before).containsExactly("accept 600 ACTIVE");
    }

    @Test
    void onlyRecordsTheChangeOnTheCallersThreadAndLeavesTheWorkToTheWorkers() {
        authorize(ALICE_WATCHES_BOB);
        FakeNotifier bob = subscribe("sip:bob@jabber.test");
        List<String> before = List.copyOf(bob.calls);

        links.routeChanged("jabber.test", RouteState.LOST);

        assertThat(bob.calls).isEqualTo(before);
        assertThat(work).hasSize(1);
    }

    @Test
    void whileLostItProbesToReconnectWithDoublingWaitsUpToTheMaximum() {
        authorize(ALICE_WATCHES_BOB);
        authorize(ALICE_WATCHES_CAROL);
        links.routeChanged("jabber.test", RouteState.LOST);
        runWork();
        sent.clear();

        for (int attempt = 0; attempt < 5; attempt++) {
            runLater();
        }

        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(sent).as("one probe per attempt from the one local domain").hasSize(5)
                .allSatisfy(probe -> assertThat(probe.type()).isEqualTo("probe"))
                .allSatisfy(probe -> assertThat(probe.to().domain()).isEqualTo("jabber.test"));
    }

    @Test
    void whenTheDomainIsBackEveryAuthorizedContactThereIsProbedAndTheRetriesStop() {
        authorize(ALICE_WATCHES_BOB);
        authorize(ALICE_WATCHES_CAROL);
        authorize(ALICE_WATCHES_ERIN);
        stored.add(PresenceAuthorization.of(key("dave", "frank", "jabber.test"), AuthorizationState.PENDING, T));
        links.routeChanged("jabber.test", RouteState.LOST);
        runWork();
        sent.clear();

        links.routeChanged("jabber.test", RouteState.UP);
        runWork();
        runLater();

        assertThat(sent).extracting(probe -> probe.type() + " " + probe.to())
                .containsExactlyInAnyOrder("probe bob@jabber.test", "probe carol@jabber.test");
        assertThat(later).as("no retry once the domain is back").isEmpty();
    }

    @Test
    void theFirstUpOfADomainIsNotActedOn() {
        authorize(ALICE_WATCHES_BOB);

        links.routeChanged("jabber.test", RouteState.UP);

        assertThat(work).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void aLossSupersededBeforeItsWorkRunsNotifiesNobody() {
        authorize(ALICE_WATCHES_BOB);
        FakeNotifier bob = subscribe("sip:bob@jabber.test");
        List<String> before = List.copyOf(bob.calls);

        links.routeChanged("jabber.test", RouteState.LOST);
        links.routeChanged("jabber.test", RouteState.UP);
        runWork();

        assertThat(bob.calls).isEqualTo(before);
        assertThat(sent).extracting(Stanza::type).containsExactly("probe");
        assertThat(later).isEmpty();
    }

    @Test
    void fullRouteWorkersDropTheChangeWithoutThrowing() {
        XmppDomainLinks refusing = linksRunningOn(task -> {
            throw new RejectedExecutionException("full");
        });

        refusing.routeChanged("jabber.test", RouteState.LOST);

        assertThat(sent).isEmpty();
    }

    private XmppDomainLinks linksRunningOn(Executor workers) {
        return new XmppDomainLinks(watchers, domain -> stored.stream()
                .filter(a -> a.key().xmppContact().domain().equals(domain)).toList(), workers,
                (task, delay) -> {
                    delays.add(delay);
                    later.add(task);
                }, FIRST, MAX);
    }

    private void runWork() {
        for (Runnable task; (task = work.poll()) != null; ) {
            task.run();
        }
    }

    private void runLater() {
        Runnable task = later.poll();
        if (task != null) {
            task.run();
        }
    }

    private void authorize(AuthorizationKey key) {
        PresenceAuthorization authorization = PresenceAuthorization.of(key, AuthorizationState.AUTHORIZED, T);
        state.apply(StateChange.put(authorization));
        stored.add(authorization);
    }

    private FakeNotifier subscribe(String target) {
        WatcherId id = new WatcherId("w-" + System.nanoTime(), "tag");
        FakeNotifier notifier = new FakeNotifier(id);
        InboundRequest request = new InboundRequest("SUBSCRIBE", target, "sip:alice@contoso.test", target,
                id.callId(), List.of(), Optional.empty());
        watchers.event(new WatcherEvent.Subscribed(id, request, Duration.ofSeconds(600), notifier));
        sent.clear();
        return notifier;
    }

    private static AuthorizationKey key(String user, String contact, String domain) {
        return new AuthorizationKey(SipAddress.of(user, "contoso.test"), XmppAddress.of(contact, domain),
                AuthorizationDirection.SIP_TO_XMPP);
    }

    private static XmppPresence read(String xml) {
        return PresenceStanzas.read(Stanzas.parse(xml)).orElseThrow();
    }
}
