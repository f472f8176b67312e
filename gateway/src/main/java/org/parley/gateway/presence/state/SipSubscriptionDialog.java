package org.parley.gateway.presence.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.SubscribeIntent;

/**
 * A SIP subscription dialog the gateway holds with the edge (RFC 6665 §4; RFC 3261 §12): what is needed to send
 * the next request in it after a restart (a refresh as {@link DialogRole#SUBSCRIBER}, a NOTIFY as
 * {@link DialogRole#NOTIFIER}), or to create it again once it has expired. The expiry is kept to the
 * microsecond, the precision the store keeps. (The store also records when each dialog row was last written.)
 *
 * @param remoteTag    the peer's tag; empty while a SUBSCRIBE awaits its first response
 * @param sipUser      the local SIP user's address of record (the presentity for a subscriber dialog, the watcher
 *                     for a notifier dialog)
 * @param xmppContact  the remote XMPP contact's bare JID (the watcher, or the presentity)
 * @param eventPackage the Event header's package, {@code presence} for RFC 3856
 * @param remoteTarget the peer's Contact URI: the Request-URI of requests in the dialog
 * @param routeSet     the dialog's route set, Route header values in order (RFC 3261 §12.1)
 * @param localCseq    the last CSeq the gateway sent in the dialog (0..2<sup>31</sup>−1); NOTIFYs sent after the
 *                     last write are not counted, so continue well above it after a restart
 * @param expiresAt    when the subscription ends unless refreshed
 * @param notifyBody   the body of the NOTIFYs the gateway sends in a {@link DialogRole#NOTIFIER} dialog, chosen
 *                     from the watcher's Accept when it subscribed; {@link NotifyBodyType#PIDF} for a subscriber
 *                     dialog
 */
public record SipSubscriptionDialog(DialogId id, Optional<String> remoteTag, DialogRole role, SipAddress sipUser,
                                    XmppAddress xmppContact, String eventPackage, DialogState state,
                                    String remoteTarget, List<String> routeSet, long localCseq, Instant expiresAt,
                                    NotifyBodyType notifyBody) {

    /** The largest CSeq RFC 3261 §8.1.1.5 allows. */
    public static final long MAX_CSEQ = 0x7fffffffL;

    /** Checks the fields (addresses of record, bare JID, header values without line breaks, CSeq range). */
    public SipSubscriptionDialog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(remoteTag, "remoteTag").ifPresent(tag -> HeaderValues.requireToken(tag, "remoteTag"));
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        AuthorizationKey.requireAddresses(sipUser, xmppContact);
        HeaderValues.requireToken(eventPackage, "eventPackage");
        eventPackage = eventPackage.equals(SubscribeIntent.EVENT) ? SubscribeIntent.EVENT : eventPackage; // shared
        HeaderValues.requireToken(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
        routeSet.forEach(route -> HeaderValues.requireToken(route, "route"));
        if (localCseq < 0 || localCseq > MAX_CSEQ) {
            throw new IllegalArgumentException("CSeq must be within 0.." + MAX_CSEQ + ": " + localCseq);
        }
        expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(notifyBody, "notifyBody");
    }

    /** A dialog whose NOTIFYs (if the gateway is the notifier) carry PIDF. */
    public SipSubscriptionDialog(DialogId id, Optional<String> remoteTag, DialogRole role, SipAddress sipUser,
                                 XmppAddress xmppContact, String eventPackage, DialogState state,
                                 String remoteTarget, List<String> routeSet, long localCseq, Instant expiresAt) {
        this(id, remoteTag, role, sipUser, xmppContact, eventPackage, state, remoteTarget, routeSet, localCseq,
                expiresAt, NotifyBodyType.PIDF);
    }

    /** The authorization this dialog carries presence for. */
    public AuthorizationKey authorizationKey() {
        AuthorizationDirection direction = role == DialogRole.SUBSCRIBER
                ? AuthorizationDirection.XMPP_TO_SIP : AuthorizationDirection.SIP_TO_XMPP;
        return new AuthorizationKey(sipUser, xmppContact, direction);
    }

    /** Whether the subscription has ended at {@code now} for want of a refresh (RFC 6665 §4.1.2.2, §4.2.2). */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** This dialog in {@code next} state. */
    public SipSubscriptionDialog withState(DialogState next) {
        return new SipSubscriptionDialog(id, remoteTag, role, sipUser, xmppContact, eventPackage, next, remoteTarget,
                routeSet, localCseq, expiresAt, notifyBody);
    }

    /** This dialog refreshed until {@code newExpiry}, the gateway's last CSeq now {@code cseq}. */
    public SipSubscriptionDialog refreshed(Instant newExpiry, long cseq) {
        return new SipSubscriptionDialog(id, remoteTag, role, sipUser, xmppContact, eventPackage, state, remoteTarget,
                routeSet, cseq, newExpiry, notifyBody);
    }

    /** This dialog with the peer's tag and Contact from its first response or NOTIFY (RFC 6665 §4.1.2.4). */
    public SipSubscriptionDialog established(String tag, String target, List<String> routes) {
        return new SipSubscriptionDialog(id, Optional.of(tag), role, sipUser, xmppContact, eventPackage, state, target,
                routes, localCseq, expiresAt, notifyBody);
    }
}
