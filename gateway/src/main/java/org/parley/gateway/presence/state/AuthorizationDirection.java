package org.parley.gateway.presence.state;

/**
 * Which way a presence authorization goes between a local SIP user and a remote XMPP contact (RFC 8048 §5).
 * Each direction is authorized on its own: XMPP and SIP both model presence subscriptions as one-way.
 */
public enum AuthorizationDirection {
    /**
     * The XMPP contact is (or asks to be) subscribed to the SIP user's presence (RFC 8048 §5.2): the gateway
     * holds a {@link DialogRole#SUBSCRIBER} dialog toward the edge on the contact's behalf.
     */
    XMPP_TO_SIP("xmpp-to-sip"),
    /**
     * The SIP user is (or asks to be) subscribed to the XMPP contact's presence (RFC 8048 §5.3): the edge holds a
     * dialog at the gateway, a {@link DialogRole#NOTIFIER} dialog here.
     */
    SIP_TO_XMPP("sip-to-xmpp");

    private final String token;

    AuthorizationDirection(String token) {
        this.token = token;
    }

    /** The value stored in the {@code direction} column. */
    public String token() {
        return token;
    }

    /** The direction stored as {@code token}. */
    static AuthorizationDirection fromToken(String token) {
        return Tokens.find(values(), AuthorizationDirection::token, token);
    }
}
