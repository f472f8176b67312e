package org.parley.sip;

import java.util.Objects;

/**
 * Identifies a subscription to the gateway (the gateway as notifier, RFC 6665 §4.2): the Call-ID of its dialog
 * and the gateway's own tag in it (the To tag of the SUBSCRIBE's 2xx), which together name the dialog.
 */
public record WatcherId(String callId, String localTag) {
    public WatcherId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
    }
}
