package org.parley.sip;

import java.util.Objects;

/**
 * Identifies one call's dialog from the gateway's side (RFC 3261 §12): its Call-ID and the gateway's own tag
 * (the From tag of an INVITE it sent, the To tag of its answer to one it received).
 */
public record CallKey(String callId, String localTag) {
    public CallKey {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
    }
}
