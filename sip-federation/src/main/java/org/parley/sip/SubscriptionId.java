package org.parley.sip;

import java.util.Objects;
import java.util.UUID;

/** Identifies one of the gateway's subscriptions: the Call-ID of its dialog (unique per subscription here). */
public record SubscriptionId(String callId) {
    public SubscriptionId {
        Objects.requireNonNull(callId, "callId");
    }

    /** A new globally unique Call-ID (RFC 3261 §8.1.1.4: random, {@code @host} appended) for a subscription. */
    public static SubscriptionId unique(String host) {
        return new SubscriptionId(UUID.randomUUID() + "@" + host);
    }
}
