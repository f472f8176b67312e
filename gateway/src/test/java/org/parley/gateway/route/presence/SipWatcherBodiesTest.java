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
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.MsCategoriesReader;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.SubscriptionSettings;
import org.parley.mapper.presence.XmppPresence;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.SipNotifier;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.xmpp.stanza.Stanza;

/**
 * The NOTIFY body each SIP watcher gets, chosen from its SUBSCRIBE's Accept (RFC 6665 §4.2.1, RFC 3261 §20.1):
 * PIDF by default, Microsoft enhanced presence ([MS-PRES]) for a watcher accepting only that, 406 for one accepting
 * neither; the choice is stored with the dialog and kept when the dialog is taken back after a restart.
 */
class SipWatcherBodiesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final AuthorizationKey ALICE_WATCHES_BOB = new AuthorizationKey(
            SipAddress.of("alice", "contoso.test"), XmppAddress.of("bob", "jabber.test"),
            AuthorizationDirection.SIP_TO_XMPP);
    private static final String MSRTC = "application/msrtc-event-categories+xml";

    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final FakeState state = new FakeState(true);
    private final List<FakeNotifier> resumed = new CopyOnWriteArrayList<>();
    private final SipWatchers watchers = new SipWatchers(RouteFixtures.addresses(),
            new SubscriptionMapper(RouteFixtures.addresses(), SubscriptionSettings.DEFAULTS),
            new XmppToPidf(RouteFixtures.addresses()), RouteFixtures.policy(), state, state, sent::add,
            Clock.fixed(T, ZoneOffset.UTC), Duration.ofSeconds(3600), this::resume);

    @ParameterizedTest(name = "<show>{0}</show> -> availability {1}")
    @CsvSource({"chat,3500", "'',3500", "away,12500", "xa,15500", "dnd,9500", "unavailable,18500"})
    void aWatcherAcceptingOnlyEnhancedPresenceIsNotifiedTheAvailabilityOfTheShow(String show, long availability) {
        authorize();
        FakeNotifier lync = subscribe("w-1", List.of(new SipHeader("Accept", MSRTC + ", application/rlmi+xml")));

        watchers.presence(read(show.equals("unavailable")
                ? "<presence from='bob@jabber.test/phone' to='alice@contoso.test' type='unavailable'>"
                        + "<status>gone home</status></presence>"
                : "<presence from='bob@jabber.test/phone' to='alice@contoso.test'>"
                        + (show.isEmpty() ? "" : "<show>" + show + "</show>")
                        + "<status>gone home</status></presence>"));

        assertThat(lync.calls).containsExactly("accept 600 ACTIVE", "notify ACTIVE");
        SipBody body = lync.bodies.get(1);
        assertThat(body.contentType()).isEqualTo(MSRTC);
        MsCategories categories = new MsCategoriesReader().read(body.text()).orElseThrow();
        assertThat(categories.uri()).isEqualTo("sip:bob@jabber.test");
        assertThat(categories.availability()).hasValue(availability);
        assertThat(categories.note()).contains("gone home");
    }

    @Test
    void eachWatcherOfOneContactGetsTheBodyItNegotiated() {
        authorize();
        FakeNotifier plain = subscribe("w-1", List.of());
        FakeNotifier pidf = subscribe("w-2", List.of(new SipHeader("Accept", "application/pidf+xml, " + MSRTC)));
        FakeNotifier lync = subscribe("w-3", List.of(new SipHeader("Accept", MSRTC)));

        watchers.presence(read("<presence from='bob@jabber.test/phone' to='alice@contoso.test'><show>dnd</show>"
                + "</presence>"));

        assertThat(plain.bodies).extracting(SipBody::contentType).containsOnly("application/pidf+xml");
        assertThat(pidf.bodies).extracting(SipBody::contentType).containsOnly("application/pidf+xml");
        assertThat(lync.bodies).extracting(SipBody::contentType).containsOnly(MSRTC);
        assertThat(pidf.bodies.get(1).text()).contains("dnd</show>");
        assertThat(lync.bodies.get(1).text()).contains("<availability>9500</availability>");
    }

    @Test
    void aWatcherAcceptingNeitherFormatIsRefused406AndNothingHappensOnTheXmppSide() {
        FakeNotifier old = subscribe("w-1", List.of(new SipHeader("Accept", "application/xpidf+xml"),
                new SipHeader("Accept", "text/xml+msrtc.pidf")));

        assertThat(old.calls).containsExactly("reject 406");
        assertThat(sent).isEmpty();
        assertThat(state.authorization(ALICE_WATCHES_BOB)).isEmpty();
    }

    @Test
    void theNegotiatedBodyIsStoredWithTheDialogAndUsedWhenItIsResumed() {
        subscribe("w-1", List.of(new SipHeader("Accept", MSRTC)));
        watchers.event(new WatcherEvent.Established(id("w-1"), dialog("w-1"), Duration.ofSeconds(600)));

        assertThat(state.changes).filteredOn(StateChange.PutDialog.class::isInstance).singleElement()
                .satisfies(change -> assertThat(((StateChange.PutDialog) change).dialog().notifyBody())
                        .isEqualTo(NotifyBodyType.MS_CATEGORIES));

        authorize();
        watchers.resume(row("w-9", NotifyBodyType.MS_CATEGORIES));
        watchers.resume(row("w-8", NotifyBodyType.PIDF));

        assertThat(resumed).hasSize(2);
        assertThat(resumed.get(0).bodies).extracting(SipBody::contentType).containsExactly(MSRTC);
        assertThat(resumed.get(1).bodies).extracting(SipBody::contentType).containsExactly("application/pidf+xml");
        assertThat(state.changes).filteredOn(StateChange.PutDialog.class::isInstance)
                .extracting(change -> ((StateChange.PutDialog) change).dialog().notifyBody())
                .as("the resumed dialogs are stored again with their body type")
                .containsExactly(NotifyBodyType.MS_CATEGORIES, NotifyBodyType.MS_CATEGORIES, NotifyBodyType.PIDF);
    }

    private FakeNotifier subscribe(String callId, List<SipHeader> headers) {
        FakeNotifier notifier = new FakeNotifier(id(callId));
        InboundRequest request = new InboundRequest("SUBSCRIBE", "sip:bob@jabber.test", "sip:alice@contoso.test",
                "sip:bob@jabber.test", callId, headers, Optional.empty());
        watchers.event(new WatcherEvent.Subscribed(id(callId), request, Duration.ofSeconds(600), notifier));
        return notifier;
    }

    private Optional<SipNotifier> resume(SipDialogSnapshot dialog, String event, Duration remaining,
                                         Duration ceiling) {
        FakeNotifier notifier = new FakeNotifier(new WatcherId(dialog.callId(), dialog.localTag()));
        resumed.add(notifier);
        return Optional.of(notifier);
    }

    private void authorize() {
        state.apply(StateChange.put(PresenceAuthorization.of(ALICE_WATCHES_BOB, AuthorizationState.AUTHORIZED, T)));
    }

    private static WatcherId id(String callId) {
        return new WatcherId(callId, "gw-tag");
    }

    private static SipDialogSnapshot dialog(String callId) {
        return new SipDialogSnapshot(callId, "sip:bob@jabber.test", "gw-tag", "sip:alice@contoso.test", "ua-tag",
                "sip:alice@192.0.2.7:5070;transport=tcp", List.of(), 1);
    }

    private static SipSubscriptionDialog row(String callId, NotifyBodyType body) {
        return new SipSubscriptionDialog(new DialogId(callId, "gw-tag"), Optional.of("ua-tag"), DialogRole.NOTIFIER,
                ALICE_WATCHES_BOB.sipUser(), ALICE_WATCHES_BOB.xmppContact(), "presence", DialogState.ACTIVE,
                "sip:alice@192.0.2.7:5070;transport=tcp", List.of(), 7, T.plusSeconds(500), body);
    }

    private static XmppPresence read(String xml) {
        return PresenceStanzas.read(Stanzas.parse(xml)).orElseThrow();
    }
}
