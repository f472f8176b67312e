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
import org.parley.gateway.presence.state.DialogId;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.DialogState;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.RestoredState;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteFixtures;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionId;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;
import org.parley.xmpp.stanza.Stanza;

/**
 * The restart of {@link PresenceRoute#restore} with stored dialogs (issue 6 item 3): subscriber dialogs refreshed in
 * place, watcher dialogs taken back before the contacts are probed, expired dialogs and those of domains no longer
 * allowed removed.
 */
class PresenceRestoreTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final SipAddress BOB = SipAddress.of("bob", "contoso.test");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final PresenceRoute route = route();

    @Test
    void aRestartRefreshesSubscriberDialogsResumesWatchersThenProbesAndRemovesWhatIsOver() {
        AuthorizationKey aliceWatchesBob = key("alice", "jabber.test", AuthorizationDirection.XMPP_TO_SIP);
        AuthorizationKey bobWatchesErin = key("erin", "jabber.test", AuthorizationDirection.SIP_TO_XMPP);
        RestoredState restored = new RestoredState(T,
                List.of(PresenceAuthorization.of(aliceWatchesBob, AuthorizationState.AUTHORIZED, T),
                        PresenceAuthorization.of(bobWatchesErin, AuthorizationState.AUTHORIZED, T)),
                List.of(row("s-1", DialogRole.SUBSCRIBER, aliceWatchesBob, T.plusSeconds(100)),
                        row("n-1", DialogRole.NOTIFIER, bobWatchesErin, T.plusSeconds(100)),
                        row("n-evil", DialogRole.NOTIFIER,
                                key("mallory", "evil.test", AuthorizationDirection.SIP_TO_XMPP), T.plusSeconds(100))),
                List.of(row("s-old", DialogRole.SUBSCRIBER, aliceWatchesBob, T.minusSeconds(5))),
                List.of(row("n-old", DialogRole.NOTIFIER, bobWatchesErin, T.minusSeconds(5))), List.of());

        state.apply(StateChange.put(PresenceAuthorization.of(bobWatchesErin, AuthorizationState.AUTHORIZED, T)));
        state.changes.clear();

        route.restore(restored);

        assertThat(calls).containsExactly("resume subscription s-1", "resume watcher n-1", "notify n-1 ACTIVE");
        assertThat(sent).singleElement().satisfies(probe -> {
            assertThat(probe.type()).isEqualTo("probe");
            assertThat(probe.to().toString()).isEqualTo("erin@jabber.test");
        });
        assertThat(state.changes).filteredOn(StateChange.Remove.class::isInstance)
                .extracting(StateChange::key).containsExactlyInAnyOrder(
                        new DialogId("n-evil", "gw-tag"), new DialogId("s-old", "gw-tag"),
                        new DialogId("n-old", "gw-tag"));
    }

    private PresenceRoute route() {
        SubscriptionMapper mapper = new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS);
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        SipSubscriber subscriber = new SipSubscriber() {
            @Override
            public SubscriptionId subscribe(SubscribeRequest request) {
                calls.add("subscribe " + request.to());
                return new SubscriptionId("new");
            }

            @Override
            public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
                calls.add("resume subscription " + dialog.callId());
                return new SubscriptionId(dialog.callId());
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
                        this::resumeWatcher),
                sent::add, state);
    }

    private Optional<SipNotifier> resumeWatcher(SipDialogSnapshot dialog, String event, Duration remaining,
                                                Duration ceiling) {
        calls.add("resume watcher " + dialog.callId());
        WatcherId id = new WatcherId(dialog.callId(), dialog.localTag());
        return Optional.of(new SipNotifier() {
            @Override
            public WatcherId id() {
                return id;
            }

            @Override
            public boolean accept(Duration expires, WatcherState watcherState, Optional<SipBody> body) {
                throw new AssertionError("a resumed watcher is accepted already");
            }

            @Override
            public boolean reject(int status) {
                throw new AssertionError("a resumed watcher is accepted already");
            }

            @Override
            public boolean notify(WatcherState watcherState, Optional<SipBody> body) {
                calls.add("notify " + dialog.callId() + " " + watcherState);
                return true;
            }

            @Override
            public boolean terminate(TerminationReason reason) {
                calls.add("terminate " + dialog.callId());
                return true;
            }
        });
    }

    private static AuthorizationKey key(String user, String domain, AuthorizationDirection direction) {
        return new AuthorizationKey(BOB, XmppAddress.of(user, domain), direction);
    }

    private static SipSubscriptionDialog row(String callId, DialogRole role, AuthorizationKey key, Instant expiresAt) {
        return new SipSubscriptionDialog(new DialogId(callId, "gw-tag"), Optional.of("peer-tag"), role, key.sipUser(),
                key.xmppContact(), "presence", DialogState.ACTIVE, "sip:peer@192.0.2.9", List.of(), 3, expiresAt);
    }
}
