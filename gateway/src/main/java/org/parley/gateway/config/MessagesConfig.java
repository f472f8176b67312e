package org.parley.gateway.config;

import java.time.Duration;

/**
 * {@code <messages max-size bounce-wait receipts>}: how instant messages are carried between the two sides
 * (RFC 7572).
 *
 * @param maxSize         largest message content in octets, either way (body and subject toward SIP, body from
 *                        SIP); a larger message is refused ({@code policy-violation} / 413)
 * @param bounceWait      how long a SIP MESSAGE transaction stays open for an XMPP error or receipt before it is
 *                        answered 202 Accepted (RFC 3428 §7); keep it well below the edge's transaction timeout
 * @param requestReceipts whether messages from SIP ask the XMPP recipient for a XEP-0184 receipt, so that the
 *                        SIP sender gets 200 (delivered) instead of 202 when one arrives within the bounce wait
 */
public record MessagesConfig(int maxSize, Duration bounceWait, boolean requestReceipts) {

    /** 8,000 octets, two seconds, no receipt requests. */
    public static final MessagesConfig DEFAULTS = new MessagesConfig(8_000, Duration.ofSeconds(2), false);
}
