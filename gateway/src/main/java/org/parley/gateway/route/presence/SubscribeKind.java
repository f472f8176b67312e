package org.parley.gateway.route.presence;

import java.util.Locale;

/**
 * Why the gateway sends a SUBSCRIBE toward the edge (RFC 6665 §4.1.2): the {@code kind} tag of
 * {@code parley.presence.subscribes}.
 */
public enum SubscribeKind {
    /** An XMPP user's {@code subscribe} (RFC 8048 §5.2.1). */
    INITIAL,
    /** A stored subscription made again after a restart. */
    RESTORE,
    /** The dialog ended (timeout, deactivated, 481): subscribed again at once. */
    RESUBSCRIBE,
    /** Subscribed again after a transient failure and the retry delay. */
    RETRY,
    /** Subscribed again when the edge link came back. */
    EDGE_RETURN,
    /** A refresh before expiry, sent by the SIP module (counted when its outcome arrives). */
    REFRESH,
    /** SUBSCRIBE with Expires 0 (RFC 6665 §4.1.2.3). */
    UNSUBSCRIBE;

    /** The metric tag, e.g. {@code edge-return}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
