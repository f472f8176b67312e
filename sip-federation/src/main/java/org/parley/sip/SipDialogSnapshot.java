package org.parley.sip;

import java.util.List;
import java.util.Objects;

/**
 * The state of one subscription dialog (RFC 3261 §12, RFC 6665 §4.1.2, §4.2) as plain values: enough to send the
 * next request in it without the stack's dialog object, e.g. after a restart (JAIN-SIP has no API to recreate a
 * dialog). Reported in {@link SubscriptionEvent.Accepted} and {@link WatcherEvent} for the application to store;
 * handed back to {@link SipSubscriber#resume} and {@link SipWatcherRegistry#resume}.
 *
 * @param callId       the dialog's Call-ID
 * @param localUri     the gateway's URI in the dialog (From of its requests, RFC 3261 §12.2.1.1)
 * @param localTag     the gateway's tag
 * @param remoteUri    the peer's URI (To of the gateway's requests)
 * @param remoteTag    the peer's tag
 * @param remoteTarget the peer's Contact URI: the Request-URI of requests in the dialog
 * @param routeSet     the route set, Route header values in order (RFC 3261 §12.1); empty for none
 * @param localCseq    the last CSeq the gateway used in the dialog (0 before any request)
 */
public record SipDialogSnapshot(String callId, String localUri, String localTag, String remoteUri, String remoteTag,
                                String remoteTarget, List<String> routeSet, long localCseq) {

    /** The largest CSeq RFC 3261 §8.1.1.5 allows. */
    public static final long MAX_CSEQ = 0x7fffffffL;
    /**
     * How far a resumed dialog's CSeq continues above the stored one: requests sent after the snapshot was last
     * stored are not counted (it is not written per NOTIFY), and CSeq must grow within a dialog (RFC 3261 §12.2.1.1).
     */
    public static final long RESUME_CSEQ_MARGIN = 1000;

    /** Requires every field; the CSeq within 0..2<sup>31</sup>−1. */
    public SipDialogSnapshot {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
        if (localCseq < 0 || localCseq > MAX_CSEQ) {
            throw new IllegalArgumentException("CSeq must be within 0.." + MAX_CSEQ + ": " + localCseq);
        }
    }

    /** This dialog as it continues after a restart: its CSeq {@link #RESUME_CSEQ_MARGIN} higher (capped). */
    public SipDialogSnapshot resumed() {
        return withLocalCseq(Math.min(MAX_CSEQ, localCseq + RESUME_CSEQ_MARGIN));
    }

    /** This dialog with the gateway's last CSeq {@code cseq}. */
    public SipDialogSnapshot withLocalCseq(long cseq) {
        return new SipDialogSnapshot(callId, localUri, localTag, remoteUri, remoteTag, remoteTarget, routeSet, cseq);
    }

    /**
     * This dialog as a long-lived one should be held (a gateway holds one per subscription, 100,000s of them): its
     * Call-ID and tags as the instances in {@code held} where equal (the caller's ids already hold them), and its
     * URIs, remote target and routes as the JVM's shared copies ({@link String#intern()}), since those repeat
     * across dialogs (the gateway's own URIs, one edge route, a user's one contact).
     */
    public SipDialogSnapshot compacted(List<String> held) {
        return new SipDialogSnapshot(heldOr(held, callId), localUri.intern(), heldOr(held, localTag),
                remoteUri.intern(), heldOr(held, remoteTag), remoteTarget.intern(),
                routeSet.stream().map(String::intern).toList(), localCseq);
    }

    private static String heldOr(List<String> held, String value) {
        for (String candidate : held) {
            if (candidate.equals(value)) {
                return candidate;
            }
        }
        return value;
    }

    /** This dialog with a new remote target (after a target refresh request, RFC 6665 §4.1.2.2, §4.2.2). */
    public SipDialogSnapshot withRemoteTarget(String target) {
        if (target.equals(remoteTarget)) {
            return this;
        }
        return new SipDialogSnapshot(callId, localUri, localTag, remoteUri, remoteTag, target.intern(), routeSet, localCseq);
    }
}
