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
import org.parley.gateway.presence.state.DialogId;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.DialogState;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionEvent.SubscriptionState;
import org.parley.sip.SubscriptionId;
import org.parley.xmpp.stanza.Stanza;

/**
 * The gateway's own subscription dialogs in the store (issue 6 item 3): a {@code subscriber} row written when the
 * notifier accepts, removed when the subscription ends; after a restart the stored dialog is refreshed in place,
 * and a 481 to that refresh leads to a new SUBSCRIBE (RFC 6665 §4.1.2.2).
 */
class SipPresentityDialogsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final DialogId STORED = new DialogId("s-1@gw.test", "gw-tag");

    private final RecordingSubscriber sip = new RecordingSubscriber();
    private final List<SubscribeRequest> subscribes = sip.subscribes;
    private final List<String> resumes = sip.resumes;
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final SipPresentities presentities = new SipPresentities(
            new SubscriptionMapper(RouteFixtures.addresses(), new SubscriptionSettings(600, 30)),
            new NotifyBodies(RouteFixtures.addresses()), sip, state, sent::add, Clock.fixed(T, ZoneOffset.UTC), (task, delay) -> { }, Duration.ofSeconds(30));

    @Test
    void anAcceptedSubscriptionsDialogIsStoredAsASubscriberRowAndRemovedWhenItEnds() {
        subscribe();
        presentities.event(new SubscriptionEvent.Accepted(new SubscriptionId("call-1"), Duration.ofSeconds(600),
                false, Optional.of(dialog("call-1"))));

        assertThat(dialogChanges()).singleElement().satisfies(change -> {
            SipSubscriptionDialog row = ((StateChange.PutDialog) change).dialog();
            assertThat(row.id()).isEqualTo(new DialogId("call-1", "gw-tag"));
            assertThat(row.role()).isEqualTo(DialogRole.SUBSCRIBER);
            assertThat(row.sipUser()).isEqualTo(SipAddress.of("bob", "contoso.test"));
            assertThat(row.xmppContact()).isEqualTo(XmppAddress.of("alice", "jabber.test"));
            assertThat(row.state()).isEqualTo(DialogState.PENDING);
            assertThat(row.remoteTag()).hasValue("ps-tag");
            assertThat(row.remoteTarget()).isEqualTo("sip:bob@192.0.2.9:5070;transport=tcp");
            assertThat(row.localCseq()).isEqualTo(1);
            assertThat(row.expiresAt()).isEqualTo(T.plusSeconds(600));
        });

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "timeout"));

        assertThat(dialogChanges()).last().isEqualTo(StateChange.remove(new DialogId("call-1", "gw-tag")));
    }

    @Test
    void aStoredDialogIsRefreshedInPlaceAfterARestartNotSubscribedAnew() {
        presentities.resume(row().authorizationKey(), XmppAddress.of("bob", "contoso.test"), row());

        assertThat(subscribes).isEmpty();
        assertThat(resumes).containsExactly("s-1@gw.test sip:alice@jabber.test;tag=gw-tag -> sip:bob@contoso.test"
                + ";tag=ps-tag at sip:bob@192.0.2.9:5070;transport=tcp cseq 3 for PT10M");

        presentities.event(new SubscriptionEvent.Notified(new SubscriptionId("s-1@gw.test"), SubscriptionState.ACTIVE,
                Optional.of(SipBody.text("application/pidf+xml", SipPresentitiesTest.PIDF_AWAY))));

        assertThat(sent).as("no second 'subscribed': the pair was confirmed before the restart")
                .singleElement().satisfies(presence -> assertThat(presence.element().toXml()).contains("back at two"));
    }

    @Test
    void a481ToTheRefreshOfAStoredDialogLeadsToANewSubscribeAndTheOldRowIsRemoved() {
        presentities.resume(row().authorizationKey(), XmppAddress.of("bob", "contoso.test"), row());

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("s-1@gw.test"),
                "refresh failed: 481 Call/Transaction Does Not Exist"));

        assertThat(dialogChanges()).containsExactly(StateChange.remove(STORED));
        assertThat(subscribes).containsExactly(SubscribeRequest.presence("sip:alice@jabber.test",
                "sip:bob@contoso.test", Duration.ofSeconds(600)));
    }

    @Test
    void aStoredRowWithoutTheNotifiersTagIsReplacedByANewSubscribe() {
        SipSubscriptionDialog stored = row();
        SipSubscriptionDialog untagged = new SipSubscriptionDialog(stored.id(), Optional.empty(), stored.role(),
                stored.sipUser(), stored.xmppContact(), stored.eventPackage(), stored.state(), stored.remoteTarget(),
                stored.routeSet(), stored.localCseq(), stored.expiresAt());

        presentities.resume(row().authorizationKey(), XmppAddress.of("bob", "contoso.test"), untagged);

        assertThat(resumes).isEmpty();
        assertThat(subscribes).hasSize(1);
        assertThat(dialogChanges()).containsExactly(StateChange.remove(STORED));
    }

    private void subscribe() {
        presentities.subscribe(PresenceStanzas.read(Stanzas.parse(
                "<presence from='alice@jabber.test/pc' to='bob@contoso.test' type='subscribe'/>")).orElseThrow());
    }

    private List<StateChange> dialogChanges() {
        return state.changes.stream().filter(c -> c instanceof StateChange.PutDialog
                || (c instanceof StateChange.Remove r && r.key() instanceof DialogId)).toList();
    }

    private static SipDialogSnapshot dialog(String callId) {
        return new SipDialogSnapshot(callId, "sip:alice@jabber.test", "gw-tag", "sip:bob@contoso.test", "ps-tag",
                "sip:bob@192.0.2.9:5070;transport=tcp", List.of(), 1);
    }

    private static SipSubscriptionDialog row() {
        return new SipSubscriptionDialog(STORED, Optional.of("ps-tag"), DialogRole.SUBSCRIBER,
                SipAddress.of("bob", "contoso.test"), XmppAddress.of("alice", "jabber.test"), "presence",
                DialogState.ACTIVE, "sip:bob@192.0.2.9:5070;transport=tcp", List.of(), 3, T.plusSeconds(500));
    }
}
