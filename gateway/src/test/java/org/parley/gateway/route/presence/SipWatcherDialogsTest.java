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
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipNotifier;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.xmpp.stanza.Stanza;

/**
 * SIP watchers' dialogs in the store (issue 6 item 3): a {@code notifier} row written when the watcher is accepted
 * or refreshes, never per NOTIFY, removed when it ends; after a restart the row is taken back and the watcher
 * notified in its old dialog.
 */
class SipWatcherDialogsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final AuthorizationKey ALICE_WATCHES_BOB = new AuthorizationKey(
            SipAddress.of("alice", "contoso.test"), XmppAddress.of("bob", "jabber.test"),
            AuthorizationDirection.SIP_TO_XMPP);
    private static final WatcherId ID = new WatcherId("w-1@edge.test", "gw-tag");

    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final List<String> resumed = new CopyOnWriteArrayList<>();
    private final List<FakeNotifier> notifiers = new CopyOnWriteArrayList<>();
    private final SipWatchers watchers = new SipWatchers(RouteFixtures.addresses(),
            new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS),
            new XmppToPidf(RouteFixtures.addresses()), RouteFixtures.policy(), state, state, sent::add,
            Clock.fixed(T, ZoneOffset.UTC), Duration.ofSeconds(3600), this::resume);

    @Test
    void anAcceptedWatchersDialogIsStoredAsANotifierRowAndRemovedWhenItEnds() {
        authorize();
        subscribe();

        watchers.event(new WatcherEvent.Established(ID, dialog(1), Duration.ofSeconds(600)));
        assertThat(dialogChanges()).singleElement().satisfies(change -> {
            SipSubscriptionDialog row = ((StateChange.PutDialog) change).dialog();
            assertThat(row.id()).isEqualTo(new DialogId("w-1@edge.test", "gw-tag"));
            assertThat(row.role()).isEqualTo(DialogRole.NOTIFIER);
            assertThat(row.authorizationKey()).isEqualTo(ALICE_WATCHES_BOB);
            assertThat(row.state()).isEqualTo(DialogState.ACTIVE);
            assertThat(row.remoteTag()).hasValue("ua-tag");
            assertThat(row.remoteTarget()).isEqualTo("sip:alice@192.0.2.7:5070;transport=tcp");
            assertThat(row.routeSet()).containsExactly("<sip:edge.test;lr>");
            assertThat(row.localCseq()).isEqualTo(1);
            assertThat(row.expiresAt()).isEqualTo(T.plusSeconds(600));
        });

        watchers.event(new WatcherEvent.Ended(ID, WatcherEvent.EndReason.UNSUBSCRIBED, "unsubscribed"));

        assertThat(dialogChanges()).last().isEqualTo(StateChange.remove(new DialogId("w-1@edge.test", "gw-tag")));
    }

    @Test
    void aRefreshStoresTheNewExpiryAndCseqWhileNotifiesWriteNoDialog() {
        authorize();
        subscribe();
        watchers.event(new WatcherEvent.Established(ID, dialog(1), Duration.ofSeconds(600)));

        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'/>"));
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'><show>away</show>"
                + "</presence>"));
        assertThat(dialogChanges()).hasSize(1);

        watchers.event(new WatcherEvent.Refreshed(ID, Duration.ofSeconds(300), Optional.of(dialog(4))));

        assertThat(dialogChanges()).hasSize(2).last().satisfies(change -> {
            SipSubscriptionDialog row = ((StateChange.PutDialog) change).dialog();
            assertThat(row.localCseq()).isEqualTo(4);
            assertThat(row.expiresAt()).isEqualTo(T.plusSeconds(300));
        });
    }

    @Test
    void aDialogReportedAfterTheWatcherEndedIsNotStored() {
        subscribe();
        watchers.event(new WatcherEvent.Ended(ID, WatcherEvent.EndReason.FAILED, "NOTIFY failed"));

        watchers.event(new WatcherEvent.Established(ID, dialog(1), Duration.ofSeconds(600)));

        assertThat(dialogChanges()).noneMatch(StateChange.PutDialog.class::isInstance);
    }

    @Test
    void unsubscribedFromTheContactRemovesTheStoredDialog() {
        subscribe();
        watchers.event(new WatcherEvent.Established(ID, dialog(1), Duration.ofSeconds(600)));

        watchers.unsubscribed(read("<presence from='bob@jabber.test' to='alice@contoso.test' type='unsubscribed'/>"));

        assertThat(dialogChanges()).last().isEqualTo(StateChange.remove(new DialogId("w-1@edge.test", "gw-tag")));
    }

    @Test
    void aStoredWatcherIsResumedInItsDialogAndNotifiedTheLastKnownPresenceAtOnce() {
        authorize();
        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'>"
                + "<show>dnd</show><status>in a meeting</status></presence>"));

        watchers.resume(row(7, T.plusSeconds(500)));

        assertThat(resumed).containsExactly("w-1@edge.test gw-tag sip:bob@jabber.test -> sip:alice@contoso.test ua-tag"
                + " at sip:alice@192.0.2.7:5070;transport=tcp cseq 7 event presence for PT8M20S up to PT1H");
        FakeNotifier notifier = notifiers.get(0);
        assertThat(notifier.calls).containsExactly("notify ACTIVE");
        assertThat(notifier.bodies.get(0).text()).contains("<basic>open</basic>").contains("in a meeting");
        assertThat(dialogChanges()).singleElement().satisfies(change -> assertThat(
                ((StateChange.PutDialog) change).dialog().localCseq())
                .as("stored above what this run may send").isEqualTo(7 + SipDialogSnapshot.RESUME_CSEQ_MARGIN));

        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test' type='unavailable'/>"));

        assertThat(notifier.calls).containsExactly("notify ACTIVE", "notify ACTIVE");
        assertThat(notifier.bodies.get(1).text()).contains("<basic>closed</basic>");
    }

    @Test
    void aStoredWatcherStillAwaitingTheContactIsResumedPending() {
        watchers.resume(row(7, T.plusSeconds(500)));

        assertThat(notifiers.get(0).calls).containsExactly("notify PENDING");
    }

    @Test
    void aStoredWatcherWhomTheContactRefusedMeanwhileIsTerminatedAndForgotten() {
        state.apply(StateChange.put(PresenceAuthorization.of(ALICE_WATCHES_BOB, AuthorizationState.REJECTED, T)));

        watchers.resume(row(7, T.plusSeconds(500)));

        assertThat(notifiers.get(0).calls).containsExactly("terminate rejected");
        assertThat(dialogChanges()).last().isEqualTo(StateChange.remove(new DialogId("w-1@edge.test", "gw-tag")));
    }

    @Test
    void anExpiredStoredWatcherIsNotResumedAndItsRowIsDeleted() {
        watchers.resume(row(7, T.minusSeconds(1)));

        assertThat(notifiers).isEmpty();
        assertThat(dialogChanges()).containsExactly(StateChange.remove(new DialogId("w-1@edge.test", "gw-tag")));
    }

    /** Like the SIP module: nothing for a subscription that is over. */
    private Optional<SipNotifier> resume(SipDialogSnapshot dialog, String event, Duration remaining,
                                         Duration ceiling) {
        if (remaining.isNegative() || remaining.isZero()) {
            return Optional.empty();
        }
        resumed.add(dialog.callId() + " " + dialog.localTag() + " " + dialog.localUri() + " -> " + dialog.remoteUri()
                + " " + dialog.remoteTag() + " at " + dialog.remoteTarget() + " cseq " + dialog.localCseq() + " event "
                + event + " for " + remaining + " up to " + ceiling);
        FakeNotifier notifier = new FakeNotifier(new WatcherId(dialog.callId(), dialog.localTag()));
        notifiers.add(notifier);
        return Optional.of(notifier);
    }

    private void authorize() {
        state.apply(StateChange.put(PresenceAuthorization.of(ALICE_WATCHES_BOB, AuthorizationState.AUTHORIZED, T)));
    }

    private void subscribe() {
        InboundRequest request = new InboundRequest("SUBSCRIBE", "sip:bob@jabber.test", "sip:alice@contoso.test",
                "sip:bob@jabber.test", ID.callId(), List.of(), Optional.empty());
        watchers.event(new WatcherEvent.Subscribed(ID, request, Duration.ofSeconds(600), new FakeNotifier(ID)));
    }

    private List<StateChange> dialogChanges() {
        return state.changes.stream().filter(c -> c instanceof StateChange.PutDialog
                || (c instanceof StateChange.Remove r && r.key() instanceof DialogId)).toList();
    }

    private static SipDialogSnapshot dialog(long cseq) {
        return new SipDialogSnapshot(ID.callId(), "sip:bob@jabber.test", ID.localTag(), "sip:alice@contoso.test",
                "ua-tag", "sip:alice@192.0.2.7:5070;transport=tcp", List.of("<sip:edge.test;lr>"), cseq);
    }

    private static SipSubscriptionDialog row(long cseq, Instant expiresAt) {
        return new SipSubscriptionDialog(new DialogId(ID.callId(), ID.localTag()), Optional.of("ua-tag"),
                DialogRole.NOTIFIER, ALICE_WATCHES_BOB.sipUser(), ALICE_WATCHES_BOB.xmppContact(), "presence",
                DialogState.ACTIVE, "sip:alice@192.0.2.7:5070;transport=tcp", List.of(), cseq, expiresAt);
    }

    private static org.parley.mapper.presence.XmppPresence read(String xml) {
        return PresenceStanzas.read(Stanzas.parse(xml)).orElseThrow();
    }
}
