package org.parley.mapper.presence;

/** Where a notification dialog the gateway created for an XMPP user stands, as {@link NotifyAction} needs it. */
public enum OutboundDialog {
    /** Subscribed, but no NOTIFY with {@code active} yet: the XMPP user has not been told {@code subscribed}. */
    AWAITING_ACTIVE,
    /** Active at least once: the XMPP user was told {@code subscribed}. */
    CONFIRMED,
    /** An unsubscribe (Expires 0) was sent in this dialog. */
    UNSUBSCRIBING,
    /** A fetch (Expires 0 in a new dialog) answering a probe. */
    FETCHING
}
