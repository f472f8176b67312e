package org.parley.gateway.route;

import java.util.Locale;

/**
 * How one message ended at the gateway; the {@code outcome} tag of {@code parley.route.messages}. Every message a
 * route receives ends in exactly one of these, so their sum is the number of messages received.
 */
public enum RouteOutcome {
    /** Handed to the other side and not refused there within the gateway's knowledge (2xx, or no error in time). */
    DELIVERED,
    /** Handed to the other side, which answered with an error (or could not be reached); the sender got it. */
    BOUNCED,
    /** Refused by the gateway itself (routing rules, translation) and never forwarded; the sender got an error. */
    REFUSED,
    /** Needs no forwarding and no answer: a chat state {@code gone}, a receipt, an error about an earlier message. */
    ABSORBED;

    /** The metric tag value, e.g. {@code delivered}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
