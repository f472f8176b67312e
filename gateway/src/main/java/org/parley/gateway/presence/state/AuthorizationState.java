package org.parley.gateway.presence.state;

/**
 * Where a presence authorization stands (RFC 8048 §5; RFC 6121 §3). "None" is not a state: it is the absence of
 * an authorization.
 */
public enum AuthorizationState {
    /**
     * Requested, not yet decided: an XMPP {@code subscribe} was mapped to a SUBSCRIBE that has not yet been
     * answered with {@code active} (§5.2.1), or a SIP user's SUBSCRIBE was mapped to an XMPP {@code subscribe}
     * that has not yet been answered with {@code subscribed} (§5.3.1).
     */
    PENDING("pending"),
    /** Granted: presence flows in this direction. */
    AUTHORIZED("authorized"),
    /**
     * Refused or withdrawn ({@code unsubscribed}, 403/489/603, {@code terminated;reason=rejected}). Kept so that
     * the gateway can tell a refusal from a request never made; removing the authorization forgets it.
     */
    REJECTED("rejected");

    private final String token;

    AuthorizationState(String token) {
        this.token = token;
    }

    /** The value stored in the {@code state} column. */
    public String token() {
        return token;
    }

    static AuthorizationState fromToken(String token) {
        return Tokens.find(values(), AuthorizationState::token, token);
    }
}
