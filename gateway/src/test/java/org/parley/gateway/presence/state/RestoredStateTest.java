package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoredStateTest {

    private static final AuthorizationDirection TO_SIP = AuthorizationDirection.XMPP_TO_SIP;
    private static final AuthorizationDirection TO_XMPP = AuthorizationDirection.SIP_TO_XMPP;

    @Test
    void liveSubscriberDialogsAreRefreshedAndExpiredOnesReportedApart() {
        SipSubscriptionDialog live = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(1));
        SipSubscriptionDialog liveNotifier = Samples.dialog(2, DialogRole.NOTIFIER, T0.plusSeconds(1));
        SipSubscriptionDialog expired = Samples.dialog(3, DialogRole.SUBSCRIBER, T0);

        RestoredState restored = RestoredState.sorted(T0, List.of(), List.of(live, liveNotifier, expired), List.of());

        assertThat(restored.subscriberDialogsToRefresh()).containsExactly(live);
        assertThat(restored.expiredSubscriberDialogs()).containsExactly(expired);
        assertThat(restored.dialogs()).containsExactly(live, liveNotifier);
    }

    @Test
    void authorizationsTowardSipWithoutALiveDialogNeedANewSubscription() {
        PresenceAuthorization withLiveDialog = Samples.authorization(1, TO_SIP, AuthorizationState.AUTHORIZED);
        PresenceAuthorization withExpiredDialog = Samples.authorization(2, TO_SIP, AuthorizationState.AUTHORIZED);
        PresenceAuthorization pendingWithout = Samples.authorization(3, TO_SIP, AuthorizationState.PENDING);
        PresenceAuthorization rejected = Samples.authorization(4, TO_SIP, AuthorizationState.REJECTED);
        PresenceAuthorization otherDirection = Samples.authorization(5, TO_XMPP, AuthorizationState.AUTHORIZED);

        RestoredState restored = RestoredState.sorted(T0,
                List.of(withLiveDialog, withExpiredDialog, pendingWithout, rejected, otherDirection),
                List.of(Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(60)),
                        Samples.dialog(2, DialogRole.SUBSCRIBER, T0.minusSeconds(60))),
                List.of());

        assertThat(restored.subscriptionsWithoutDialog()).containsExactly(withExpiredDialog, pendingWithout);
    }

    @Test
    void authorizedSubscriptionsOfSipUsersAreProbed() {
        PresenceAuthorization authorized = Samples.authorization(1, TO_XMPP, AuthorizationState.AUTHORIZED);
        RestoredState restored = RestoredState.sorted(T0, List.of(authorized,
                Samples.authorization(2, TO_XMPP, AuthorizationState.PENDING),
                Samples.authorization(3, TO_XMPP, AuthorizationState.REJECTED),
                Samples.authorization(4, TO_SIP, AuthorizationState.AUTHORIZED)), List.of(), List.of());

        assertThat(restored.authorizationsToProbe()).containsExactly(authorized);
    }
}
