package org.parley.gateway.presence.state;

import org.parley.mapper.presence.OutboundDialog;

/**
 * The {@code Subscription-State} substate of a stored dialog (RFC 6665 §4.1.3). Terminated dialogs are not
 * stored, and the short-lived unsubscribe and fetch dialogs are never stored.
 */
public enum DialogState {
    /** Not yet authorized: no {@code active} NOTIFY received (subscriber) or sent (notifier). */
    PENDING("pending"),
    /** Authorized: notifications carry presence. */
    ACTIVE("active");

    private final String token;

    DialogState(String token) {
        this.token = token;
    }

    /** The value stored in the {@code dialog_state} column. */
    public String token() {
        return token;
    }

    /** What {@link org.parley.mapper.presence.NotifyAction} needs to know about a subscriber dialog in this state. */
    public OutboundDialog toOutboundDialog() {
        return this == ACTIVE ? OutboundDialog.CONFIRMED : OutboundDialog.AWAITING_ACTIVE;
    }

    static DialogState fromToken(String token) {
        return Tokens.find(values(), DialogState::token, token);
    }
}
