package org.parley.gateway.presence.state;

/** The gateway's side of a SIP subscription dialog (RFC 6665 §2). */
public enum DialogRole {
    /**
     * The gateway subscribed toward the edge on behalf of an XMPP contact (RFC 8048 §5.2): it refreshes the
     * dialog before it expires and receives NOTIFYs in it.
     */
    SUBSCRIBER("subscriber"),
    /**
     * A SIP user subscribed at the gateway through the edge (RFC 8048 §5.3): the gateway sends NOTIFYs in the
     * dialog and the SIP user refreshes it.
     */
    NOTIFIER("notifier");

    private final String token;

    DialogRole(String token) {
        this.token = token;
    }

    /** The value stored in the {@code dialog_role} column. */
    public String token() {
        return token;
    }

    static DialogRole fromToken(String token) {
        return Tokens.find(values(), DialogRole::token, token);
    }
}
