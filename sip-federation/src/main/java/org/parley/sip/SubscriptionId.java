package org.parley.sip;

import java.util.Objects;

/** Identifies one of the gateway's subscriptions: the Call-ID of its dialog (unique per subscription here). */
public record SubscriptionId(String callId) {
    public SubscriptionId {
        Objects.requireNonNull(callId, "callId");
    }
}
