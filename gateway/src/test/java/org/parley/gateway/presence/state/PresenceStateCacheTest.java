package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;

class PresenceStateCacheTest {

    private final PresenceStateCache cache = new PresenceStateCache();

    @Test
    void authorizationsArePutReplacedAndRemoved() {
        PresenceAuthorization pending = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.PENDING);
        cache.apply(StateChange.put(pending));
        assertThat(cache.authorization(pending.key())).contains(pending);
        assertThat(cache.authorization(Samples.key(2, AuthorizationDirection.SIP_TO_XMPP))).isEmpty();

        PresenceAuthorization authorized = pending.withState(AuthorizationState.AUTHORIZED, T0.plusSeconds(1));
        cache.apply(StateChange.put(authorized));
        assertThat(cache.authorization(pending.key())).contains(authorized);

        cache.apply(StateChange.remove(pending.key()));
        assertThat(cache.authorization(pending.key())).isEmpty();
        assertThat(cache.counts()).isEqualTo(new PresenceStateCache.Counts(0, 0));
    }

    @Test
    void dialogChangesAreLeftToTheStoreAndDoNotTouchAuthorizations() {
        PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.AUTHORIZED);
        cache.apply(StateChange.put(authorization));
        SipSubscriptionDialog dialog = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(60));

        cache.apply(StateChange.put(dialog));
        cache.apply(StateChange.remove(dialog.id()));

        assertThat(cache.authorization(authorization.key())).contains(authorization);
        assertThat(cache.counts()).isEqualTo(new PresenceStateCache.Counts(1, 0));
    }

    @Test
    void xmppToSipAuthorizationsAreLeftToTheStore() {
        PresenceAuthorization outbound = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.AUTHORIZED);

        cache.apply(StateChange.put(outbound));

        assertThat(cache.authorization(outbound.key())).isEmpty();
        assertThat(cache.authorizationsWithContactDomain("jabber.test")).isEmpty();
        cache.apply(StateChange.remove(outbound.key()));
        assertThat(cache.counts()).isEqualTo(new PresenceStateCache.Counts(0, 0));
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
        assertThat(cache.authorizationsWithContactDomain("jabber.test")).hasSize(1);
        assertThat(cache.authorizationsWithContactDomain("partner.test")).isEmpty();
    }

    @Test
    void aCacheOfRestoredStateHoldsItsAuthorizationsAndPresenceNotItsDialogs() {
        PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.AUTHORIZED);
        SipSubscriptionDialog live = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(1));
        SipSubscriptionDialog expired = Samples.dialog(2, DialogRole.SUBSCRIBER, T0);
        RestoredState restored = RestoredState.sorted(T0, List.of(authorization), List.of(live, expired),
                List.of(Samples.presence(1, "r")));

        PresenceStateCache loaded = PresenceStateCache.of(restored);

        assertThat(loaded.authorization(authorization.key())).contains(authorization);
        assertThat(loaded.counts()).isEqualTo(new PresenceStateCache.Counts(1, 1));
    }
}
