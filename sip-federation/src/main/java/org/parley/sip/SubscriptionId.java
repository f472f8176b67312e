package org.parley.sip;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/** Identifies one of the gateway's subscriptions: the Call-ID of its dialog (unique per subscription here). */
public record SubscriptionId(String callId) {
    public SubscriptionId {
        Objects.requireNonNull(callId, "callId");
    }

    /**
     * A new globally unique Call-ID for a subscription (RFC 3261 §8.1.1.4: cryptographically random; the
     * {@code localid@host} form is optional): the 122 random bits of a version 4 UUID in URL-safe base64, 22
     * characters, all of them RFC 3261 {@code word} characters, rather than the UUID's 36-character text with the
     * gateway's name after it, since a gateway holds one per subscription.
     */
    public static SubscriptionId unique() {
        UUID random = UUID.randomUUID();
        byte[] bits = ByteBuffer.allocate(16).putLong(random.getMostSignificantBits())
                .putLong(random.getLeastSignificantBits()).array();
        return new SubscriptionId(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }
}
