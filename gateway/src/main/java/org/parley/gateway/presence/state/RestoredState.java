package org.parley.gateway.presence.state;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the store held at start-up, sorted for re-establishing presence after a restart (issue: "nobody
 * re-adds anybody", RFC 8048 §5.2.2): live dialogs to refresh or notify in, expired ones apart, authorizations,
 * and the last known presence of each resource.
 *
 * @param dialogs                   dialogs that had not expired at {@code loadedAt}
 * @param expiredSubscriberDialogs  subscriber dialogs that expired while the gateway was down: create each again
 *                                  with a new SUBSCRIBE, then remove the old one
 * @param expiredNotifierDialogs    notifier dialogs the SIP user did not refresh in time: the subscriptions are
 *                                  over (RFC 6665 §4.2.2); remove them
 */
public record RestoredState(Instant loadedAt, List<PresenceAuthorization> authorizations,
                            List<SipSubscriptionDialog> dialogs, List<SipSubscriptionDialog> expiredSubscriberDialogs,
                            List<SipSubscriptionDialog> expiredNotifierDialogs, List<LastPresence> lastPresence) {

    /** Copies the lists. */
    public RestoredState {
        Objects.requireNonNull(loadedAt, "loadedAt");
        authorizations = List.copyOf(authorizations);
        dialogs = List.copyOf(dialogs);
        expiredSubscriberDialogs = List.copyOf(expiredSubscriberDialogs);
        expiredNotifierDialogs = List.copyOf(expiredNotifierDialogs);
        lastPresence = List.copyOf(lastPresence);
    }

    /** Nothing stored. */
    public static RestoredState empty(Instant loadedAt) {
        return new RestoredState(loadedAt, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Sorts {@code allDialogs} into live and expired at {@code loadedAt}. */
    static RestoredState sorted(Instant loadedAt, List<PresenceAuthorization> authorizations,
                                List<SipSubscriptionDialog> allDialogs, List<LastPresence> lastPresence) {
        List<SipSubscriptionDialog> live = allDialogs.stream().filter(d -> !d.isExpiredAt(loadedAt)).toList();
        List<SipSubscriptionDialog> expiredSubscriber = allDialogs.stream()
                .filter(d -> d.isExpiredAt(loadedAt) && d.role() == DialogRole.SUBSCRIBER).toList();
        List<SipSubscriptionDialog> expiredNotifier = allDialogs.stream()
                .filter(d -> d.isExpiredAt(loadedAt) && d.role() == DialogRole.NOTIFIER).toList();
        return new RestoredState(loadedAt, authorizations, live, expiredSubscriber, expiredNotifier, lastPresence);
    }

    /** Live subscriber dialogs: refresh each with a SUBSCRIBE in the dialog (a 481 answer means create it anew). */
    public List<SipSubscriptionDialog> subscriberDialogsToRefresh() {
        return dialogs.stream().filter(d -> d.role() == DialogRole.SUBSCRIBER).toList();
    }

    /**
     * Pending or authorized XMPP-to-SIP authorizations without a live subscriber dialog (their dialog expired, or
     * the gateway stopped before one was stored): send a new SUBSCRIBE for each (RFC 8048 §5.2.2).
     */
    public List<PresenceAuthorization> subscriptionsWithoutDialog() {
        Set<AuthorizationKey> withDialog = new HashSet<>();
        for (SipSubscriptionDialog dialog : subscriberDialogsToRefresh()) {
            withDialog.add(dialog.authorizationKey());
        }
        return authorizations.stream()
                .filter(a -> a.key().direction() == AuthorizationDirection.XMPP_TO_SIP)
                .filter(a -> a.state() != AuthorizationState.REJECTED)
                .filter(a -> !withDialog.contains(a.key()))
                .toList();
    }

    /**
     * Authorized SIP-to-XMPP authorizations: send an XMPP {@code probe} from the SIP user to the contact for each
     * (RFC 6121 §4.3), so that SIP watchers see current presence rather than what was known before the restart.
     */
    public List<PresenceAuthorization> authorizationsToProbe() {
        return authorizations.stream()
                .filter(a -> a.key().direction() == AuthorizationDirection.SIP_TO_XMPP)
                .filter(a -> a.state() == AuthorizationState.AUTHORIZED)
                .toList();
    }
}
