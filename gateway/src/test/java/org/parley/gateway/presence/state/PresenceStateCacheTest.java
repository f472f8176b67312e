package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;

class PresenceStateCacheTest {

    private final PresenceStateCache cache = new PresenceStateCache();

    @Test
    void authorizationsArePutReplacedAndRemoved() {
        PresenceAuthorization pending = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.PENDING);
        cache.apply(StateChange.put(pending));
        assertThat(cache.authorization(pending.key())).contains(pending);
        assertThat(cache.authorization(Samples.key(1, AuthorizationDirection.SIP_TO_XMPP))).isEmpty();

        PresenceAuthorization authorized = pending.withState(AuthorizationState.AUTHORIZED, T0.plusSeconds(1));
        cache.apply(StateChange.put(authorized));
        assertThat(cache.authorization(pending.key())).contains(authorized);

        cache.apply(StateChange.remove(pending.key()));
        assertThat(cache.authorization(pending.key())).isEmpty();
        assertThat(cache.counts()).isEqualTo(new PresenceStateCache.Counts(0, 0, 0));
    }

    @Test
    void dialogsAreFoundByIdByAuthorizationAndByExpiry() {
        SipSubscriptionDialog subscriber = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(60));
        SipSubscriptionDialog notifier = Samples.dialog(1, Samples.dialogId(11), DialogRole.NOTIFIER,
                T0.plusSeconds(30));
        SipSubscriptionDialog secondNotifier = new SipSubscriptionDialog(Samples.dialogId(2), notifier.remoteTag(),
                DialogRole.NOTIFIER, notifier.sipUser(), notifier.xmppContact(), "presence", DialogState.PENDING,
                "sip:bob1@10.9.9.9", List.of(), 1, T0.plusSeconds(90));
        SipSubscriptionDialog otherPair = Samples.dialog(3, DialogRole.NOTIFIER, T0.plusSeconds(10));
        List.of(subscriber, notifier, secondNotifier, otherPair).forEach(d -> cache.apply(StateChange.put(d)));

        assertThat(cache.dialog(notifier.id())).contains(notifier);
        assertThat(cache.dialogsFor(Samples.key(1, AuthorizationDirection.XMPP_TO_SIP))).containsExactly(subscriber);
        assertThat(cache.dialogsFor(Samples.key(1, AuthorizationDirection.SIP_TO_XMPP)))
                .containsExactlyInAnyOrder(notifier, secondNotifier);
        assertThat(cache.dialogsExpiringBy(T0.plusSeconds(60))).containsExactly(otherPair, notifier, subscriber);
        assertThat(cache.dialogs(DialogRole.NOTIFIER)).containsExactlyInAnyOrder(notifier, secondNotifier, otherPair);
    }

    @Test
    void replacingADialogMovesItInTheExpiryOrderAndRemovingItClearsEveryIndex() {
        SipSubscriptionDialog dialog = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(60));
        cache.apply(StateChange.put(dialog));
        SipSubscriptionDialog refreshed = dialog.refreshed(T0.plus(Duration.ofHours(1)), 8);
        cache.apply(StateChange.put(refreshed));

        assertThat(cache.dialogsExpiringBy(T0.plusSeconds(60))).isEmpty();
        assertThat(cache.dialogsExpiringBy(T0.plus(Duration.ofHours(1)))).containsExactly(refreshed);
        assertThat(cache.dialogsFor(refreshed.authorizationKey())).containsExactly(refreshed);

        cache.apply(StateChange.remove(dialog.id()));
        assertThat(cache.dialog(dialog.id())).isEmpty();
        assertThat(cache.dialogsFor(refreshed.authorizationKey())).isEmpty();
        assertThat(cache.dialogsExpiringBy(T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void lastPresenceIsKeptPerResourceAndListedByBareJid() {
        LastPresence laptop = Samples.presence(1, "laptop");
        LastPresence phone = Samples.presence(1, "phone");
        cache.apply(StateChange.put(laptop));
        cache.apply(StateChange.put(phone));
        cache.apply(StateChange.put(Samples.presence(2, "laptop")));
        LastPresence laptopAgain = new LastPresence(laptop.from(), true, Show.CHAT, List.of(), 1, T0.plusSeconds(5));
        cache.apply(StateChange.put(laptopAgain));

        XmppAddress alice = Samples.contact(1);
        assertThat(cache.lastPresence(alice)).containsExactlyInAnyOrder(laptopAgain, phone);
        assertThat(cache.lastPresence(alice.withResource("other"))).as("any JID of the contact")
                .containsExactlyInAnyOrder(laptopAgain, phone);

        cache.apply(StateChange.remove(phone.key()));
        cache.apply(StateChange.remove(laptop.key()));
        assertThat(cache.lastPresence(alice)).isEmpty();
        assertThat(cache.counts().resources()).isEqualTo(1);
    }

    @Test
    void contactDomainLookupsFindWhatALostRouteAffects() {
        cache.apply(StateChange.put(Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.AUTHORIZED)));
        cache.apply(StateChange.put(Samples.dialog(1, DialogRole.NOTIFIER, T0)));
        SipSubscriptionDialog elsewhere = new SipSubscriptionDialog(Samples.dialogId(2), Optional.empty(),
                DialogRole.NOTIFIER, Samples.sipUser(2), XmppAddress.of("carol", "partner.test"), "presence",
                DialogState.ACTIVE, "sip:bob2@10.1.2.3", List.of(), 1, T0);
        cache.apply(StateChange.put(elsewhere));

        assertThat(cache.dialogsWithContactDomain("partner.test")).containsExactly(elsewhere);
        assertThat(cache.authorizationsWithContactDomain("jabber.test")).hasSize(1);
        assertThat(cache.authorizationsWithContactDomain("partner.test")).isEmpty();
    }

    @Test
    void aCacheOfRestoredStateHoldsItsLiveItemsOnly() {
        PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.AUTHORIZED);
        SipSubscriptionDialog live = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(1));
        SipSubscriptionDialog expired = Samples.dialog(2, DialogRole.SUBSCRIBER, T0);
        RestoredState restored = RestoredState.sorted(T0, List.of(authorization), List.of(live, expired),
                List.of(Samples.presence(1, "r")));

        PresenceStateCache loaded = PresenceStateCache.of(restored);

        assertThat(loaded.authorization(authorization.key())).contains(authorization);
        assertThat(loaded.dialog(live.id())).contains(live);
        assertThat(loaded.dialog(expired.id())).isEmpty();
        assertThat(loaded.counts()).isEqualTo(new PresenceStateCache.Counts(1, 1, 1));
    }
}
