package org.parley.gateway.presence.state;

/**
 * The gateway's handle on a SIP dialog (RFC 3261 §12): its Call-ID and the gateway's own tag (From tag as
 * subscriber, To tag as notifier). The remote tag completes the RFC 3261 dialog ID but may not be known yet
 * when a SUBSCRIBE has just been sent, so it is a field of the dialog, not of the key.
 */
public record DialogId(String callId, String localTag) implements StateKey {

    /** Requires a non-empty Call-ID and tag without line breaks. */
    public DialogId {
        HeaderValues.requireToken(callId, "callId");
        HeaderValues.requireToken(localTag, "localTag");
    }

    /** Short form for logs: {@code callId;tag=localTag}. */
    @Override
    public String toString() {
        return callId + ";tag=" + localTag;
    }
}
