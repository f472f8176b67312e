package org.parley.mapper.presence;

/**
 * What the gateway does with a SUBSCRIBE from a local SIP user for a remote XMPP contact (RFC 8048 §5.3, §7.2;
 * RFC 6665 §4.2), as a decision table by where it arrives, its Expires and whether the contact has authorized
 * the SIP user (as stored):
 * <pre>
 *  dialog      Expires  authorized  action           section
 *  new         &gt; 0      no          ACCEPT_PENDING   §5.3.1
 *  new         &gt; 0      yes         ACCEPT_ACTIVE    §5.3.1 (authorization already in the roster)
 *  existing    &gt; 0      either      REFRESH          §5.3.2
 *  existing    0        either      TERMINATE        §5.3.3
 *  new         0        either      FETCH            §7.2
 * </pre>
 * Every action answers the SUBSCRIBE with 200 and sends a NOTIFY at once (RFC 6665 §4.2.1.1).
 */
public enum InboundSubscribeAction {
    /**
     * NOTIFY {@code pending}; send XMPP {@code subscribe} to the contact. When the contact approves, its
     * {@code subscribed} gives {@link XmppPresenceAction#NOTIFY_ACTIVE} and its server then sends its presence.
     * No probe yet: before authorization it would reveal nothing.
     */
    ACCEPT_PENDING,
    /**
     * NOTIFY {@code active} with the stored presence (empty when none is stored); send XMPP {@code subscribe}
     * (the contact's server auto-replies {@code subscribed} for an existing authorization, RFC 8048 §5.3.1) and a
     * {@code probe} so that current presence follows.
     */
    ACCEPT_ACTIVE,
    /** NOTIFY with the dialog's state: {@code active} with the stored presence (empty if unknown), or pending. */
    REFRESH,
    /**
     * NOTIFY {@code terminated;reason=timeout} with a PIDF saying closed; send XMPP {@code unavailable} to the
     * contact (§5.3.3). Authorizations stay as they are.
     */
    TERMINATE,
    /**
     * NOTIFY {@code terminated;reason=timeout} with the stored presence if the SIP user is authorized and it is
     * known, else empty; when authorized but unknown, send XMPP {@code probe} (§7.2) so that it is known next time.
     */
    FETCH;

    /**
     * The action for a SUBSCRIBE.
     *
     * @param inDialog       whether it arrived within an existing notification dialog
     * @param expiresSeconds its Expires (3600 when absent, RFC 3856 §6.4)
     * @param authorized     whether the XMPP contact has authorized the SIP user
     */
    public static InboundSubscribeAction of(boolean inDialog, long expiresSeconds, boolean authorized) {
        if (expiresSeconds < 0) {
            throw new IllegalArgumentException("Expires is delta-seconds: " + expiresSeconds);
        }
        boolean ends = expiresSeconds == 0;
        if (inDialog) {
            return ends ? TERMINATE : REFRESH;
        }
        if (ends) {
            return FETCH;
        }
        return authorized ? ACCEPT_ACTIVE : ACCEPT_PENDING;
    }
}
