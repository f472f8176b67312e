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
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteFixtures;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.SubscribeIntent;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SipBody;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionEvent.SubscriptionState;
import org.parley.sip.SubscriptionId;
import org.parley.xmpp.stanza.Stanza;

/** XMPP users watching SIP users (RFC 8048 §5.2): SUBSCRIBEs out, subscription events back as presence. */
class SipPresentitiesTest {

    static final String PIDF_AWAY = """
            <?xml version='1.0' encoding='UTF-8'?>
            <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:bob@contoso.test'>
              <tuple id='ID-desk'><status><basic>open</basic>
                <show xmlns='jabber:client'>away</show></status>
                <note>back at two</note></tuple>
            </presence>""";

    private final RecordingSubscriber sip = new RecordingSubscriber();
    private final List<SubscribeRequest> subscribes = sip.subscribes;
    private final List<SubscriptionId> unsubscribes = sip.unsubscribes;
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final List<Runnable> scheduled = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(false);
    private final SipPresentities presentities = new SipPresentities(
            new SubscriptionMapper(RouteFixtures.addresses(), new SubscriptionSettings(600, 30)),
            new NotifyBodies(RouteFixtures.addresses()), sip, state, sent::add, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            (task, delay) -> scheduled.add(task), Duration.ofSeconds(30));

    @Test
    void subscribeSendsAPresenceSubscribeWithTheConfiguredExpiresAndRecordsItPending() {
        subscribe();

        assertThat(subscribes).containsExactly(SubscribeRequest.presence("sip:alice@jabber.test",
                "sip:bob@contoso.test", Duration.ofSeconds(600)));
        assertThat(state.changes).singleElement().satisfies(change ->
                assertThat(((StateChange.PutAuthorization) change).authorization().state())
                        .isEqualTo(AuthorizationState.PENDING));
        assertThat(sent).isEmpty();
    }

    @Test
    void activeNotifySendsSubscribedOnlyOnceDurableThenTheMappedPresence() {
        subscribe();
        state.makeDurable();

        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));

        assertThat(sent).isEmpty();
        state.makeDurable();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).type()).isEqualTo("subscribed");
        assertThat(sent.get(0).from().toString()).isEqualTo("bob@contoso.test");
        assertThat(sent.get(0).to().toString()).isEqualTo("alice@jabber.test");
        assertThat(sent.get(1).from().toString()).isEqualTo("bob@contoso.test/desk");
        assertThat(sent.get(1).element().toXml()).contains("<show>away</show>").contains(">back at two</status>");
        assertThat(((StateChange.PutAuthorization) state.changes.get(1)).authorization().state())
                .isEqualTo(AuthorizationState.AUTHORIZED);
    }

    @Test
    void pendingNotifySendsNothing() {
        subscribe();

        presentities.event(new SubscriptionEvent.Notified(new SubscriptionId("call-1"), SubscriptionState.PENDING,
                Optional.empty()));
        state.makeDurable();

        assertThat(sent).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rejected", "refused: 403 Forbidden", "refused: 489 Bad Event", "refused: 603 Decline"})
    void aRefusalEndsTheAuthorizationWithUnsubscribed(String reason) {
        subscribe();

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), reason));

        assertThat(sent).extracting(Stanza::type).containsExactly("unavailable", "unsubscribed");
        assertThat(((StateChange.PutAuthorization) state.changes.get(1)).authorization().state())
                .isEqualTo(AuthorizationState.REJECTED);
    }

    @Test
    void aConfirmedSubscriptionWhoseDialogTimedOutIsSubscribedAgain() {
        subscribe();
        state.makeDurable();
        notifyActive(Optional.empty());
        state.makeDurable();

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "timeout"));

        assertThat(subscribes).hasSize(2);
        assertThat(sent).extracting(Stanza::type).containsExactly("subscribed", "unavailable");
    }

    @Test
    void unsubscribeSendsExpiresZeroAndConfirmsWithUnsubscribedWhenItEnds() {
        subscribe();
        state.makeDurable();

        presentities.unsubscribe(read("<presence from='alice@jabber.test' to='bob@contoso.test' type='unsubscribe'/>"));
        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "timeout"));

        assertThat(unsubscribes).containsExactly(new SubscriptionId("call-1"));
        assertThat(subscribes).hasSize(1);
        assertThat(sent).extracting(Stanza::type).containsExactly("unavailable", "unsubscribed");
        assertThat(state.changes.get(state.changes.size() - 1)).isInstanceOf(StateChange.Remove.class);
    }

    @Test
    void aSecondSubscribeForAConfirmedPairIsAnsweredAtOnce() {
        subscribe();
        state.makeDurable();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        state.makeDurable();
        sent.clear();

        subscribe();

        assertThat(subscribes).hasSize(1);
        assertThat(sent).extracting(Stanza::type).containsExactly("subscribed", "");
    }

    @Test
    void aProbeIsAnsweredWithTheLastPresenceOrUnavailable() {
        presentities.probe(read("<presence from='alice@jabber.test/pc' to='bob@contoso.test' type='probe'/>"));
        assertThat(sent).extracting(Stanza::type).containsExactly("unavailable");
        subscribe();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        state.makeDurable();
        sent.clear();

        presentities.probe(read("<presence from='alice@jabber.test/pc' to='bob@contoso.test' type='probe'/>"));

        assertThat(sent).singleElement().satisfies(answer -> {
            assertThat(answer.to().toString()).isEqualTo("alice@jabber.test/pc");
            assertThat(answer.element().toXml()).contains("<show>away</show>");
        });
    }

    @Test
    void aConfirmedSubscriptionThatFailsTransientlyIsRetriedAfterTheDelay() {
        confirm();

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"),
                "refresh failed: 503 Service Unavailable"));

        assertThat(sent).extracting(Stanza::type).containsExactly("subscribed", "unavailable");
        assertThat(subscribes).hasSize(1);
        assertThat(scheduled).hasSize(1);
        scheduled.get(0).run();
        assertThat(subscribes).hasSize(2);
    }

    @Test
    void aRetryIsDroppedWhenTheXmppUserUnsubscribedMeanwhile() {
        confirm();
        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "refused: 408 Timeout"));

        presentities.unsubscribe(read("<presence from='alice@jabber.test' to='bob@contoso.test' type='unsubscribe'/>"));
        scheduled.get(0).run();

        assertThat(subscribes).hasSize(1);
    }

    @Test
    void anUnconfirmedSubscriptionThatFailsTransientlyIsNotRetried() {
        subscribe();

        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "refused: 503 Busy"));

        assertThat(scheduled).isEmpty();
        assertThat(sent).extracting(Stanza::type).containsExactly("unavailable");
    }

    @Test
    void aRestoredAuthorizedSubscriptionDeliversPresenceWithoutASecondSubscribed() {
        presentities.restore(new AuthorizationKey(SipAddress.of("bob", "contoso.test"),
                XmppAddress.of("alice", "jabber.test"), AuthorizationDirection.XMPP_TO_SIP),
                XmppAddress.of("bob", "contoso.test"), true);

        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));

        assertThat(subscribes).singleElement().satisfies(request ->
                assertThat(request.from()).isEqualTo("sip:alice@jabber.test"));
        assertThat(sent).extracting(Stanza::type).containsExactly("");
        assertThat(state.changes).isEmpty();
    }

    @Test
    void losingTheEdgeShowsConfirmedSipUsersUnavailableAndItsReturnSubscribesAgain() {
        confirm();

        presentities.edgeLost();
        assertThat(sent).extracting(Stanza::type).containsExactly("subscribed", "unavailable");
        presentities.edgeRestored();

        assertThat(unsubscribes).containsExactly(new SubscriptionId("call-1"));
        assertThat(subscribes).hasSize(2);
        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("call-1"), "timeout"));
        presentities.event(new SubscriptionEvent.Notified(new SubscriptionId("call-2"), SubscriptionState.ACTIVE,
                Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY))));
        assertThat(sent).extracting(Stanza::type).containsExactly("subscribed", "unavailable", "");
    }

    @Test
    void goingOfflineIsSentFromEachResourceShownAvailable() {
        subscribe();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        state.makeDurable();
        sent.clear();

        presentities.edgeLost();

        assertThat(sent).singleElement().satisfies(offline -> {
            assertThat(offline.type()).isEqualTo("unavailable");
            assertThat(offline.from().toString()).isEqualTo("bob@contoso.test/desk");
        });
    }

    @Test
    void aNotifyWithoutBodyShowsEachResourceLastShownAvailableUnavailable() {
        subscribe();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        state.makeDurable();
        sent.clear();

        notifyActive(Optional.empty());

        assertThat(sent).extracting(Stanza::type).containsOnly("unavailable");
        assertThat(sent).extracting(stanza -> stanza.from().toString()).contains("bob@contoso.test/desk");
    }

    @Test
    void aNotifyNoLongerNamingAResourceShowsItUnavailableAndTheOthersAsTheySay() {
        subscribe();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        state.makeDurable();
        sent.clear();

        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY.replace("ID-desk", "ID-phone"))));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).type()).isEqualTo("unavailable");
        assertThat(sent.get(0).from().toString()).isEqualTo("bob@contoso.test/desk");
        assertThat(sent.get(1).type()).isEmpty();
        assertThat(sent.get(1).from().toString()).isEqualTo("bob@contoso.test/phone");
    }

    @Test
    void eventsOfUnknownSubscriptionsAreIgnored() {
        presentities.event(new SubscriptionEvent.Terminated(new SubscriptionId("other"), "rejected"));

        assertThat(sent).isEmpty();
        assertThat(state.changes).isEmpty();
    }

    @Test
    void theSubscribeAcceptsPidfAndMicrosoftEnhancedPresence() {
        subscribe();

        assertThat(subscribes).singleElement().extracting(SubscribeRequest::accept)
                .isEqualTo("application/pidf+xml, application/msrtc-event-categories+xml")
                .isEqualTo(SubscribeIntent.ACCEPT);
    }

    @Test
    void aMicrosoftEnhancedPresenceNotifyIsMappedByItsAvailability() {
        confirm();

        notifyActive(Optional.of(SipBody.text(NotifyBodiesTest.MS_CATEGORIES, NotifyBodiesTest.categories(6500,
                        "In a call"))));

        assertThat(sent).hasSize(2).last().satisfies(presence -> {
            assertThat(presence.type()).isEmpty();
            assertThat(presence.from().toString()).isEqualTo("bob@contoso.test");
            assertThat(presence.element().toXml()).contains("<show>dnd</show>").contains(">In a call</status>");
        });
    }

    @Test
    void aNotifyBodyOfAnotherTypeShowsTheUserUnavailable() {
        confirm();
        notifyActive(Optional.of(SipBody.text("application/pidf+xml", PIDF_AWAY)));
        sent.clear();

        notifyActive(Optional.of(SipBody.text("application/xpidf+xml", "<presence/>")));

        assertThat(sent).extracting(Stanza::type).containsExactly("unavailable", "unavailable");
        assertThat(sent).extracting(stanza -> stanza.from().toString())
                .containsExactlyInAnyOrder("bob@contoso.test/desk", "bob@contoso.test");
    }

    private void confirm() {
        subscribe();
        notifyActive(Optional.empty());
        state.makeDurable();
        sent.removeIf(stanza -> stanza.type().equals("unavailable")); // the body-less NOTIFY's presence
    }

    /** A NOTIFY active in the subscription {@link #subscribe} made. */
    private void notifyActive(Optional<SipBody> body) {
        presentities.event(new SubscriptionEvent.Notified(new SubscriptionId("call-1"), SubscriptionState.ACTIVE,
                body));
    }

    private void subscribe() {
        presentities.subscribe(read("<presence from='alice@jabber.test' to='bob@contoso.test' type='subscribe'/>"));
    }

    private static XmppPresence read(String xml) {
        return PresenceStanzas.read(Stanzas.parse(xml)).orElseThrow();
    }
}
