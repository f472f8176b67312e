package org.parley.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * A subscription the gateway starts (RFC 6665 §4.1.2): {@code from} subscribes to {@code event} (e.g.
 * {@code presence}, RFC 3856) of {@code to} for {@code expires}, accepting {@code accept} bodies. The module
 * refreshes it before expiry until {@link SipSubscriber#unsubscribe} or termination by the notifier.
 */
public record SubscribeRequest(String from, String to, String event, String accept, Duration expires) {

    public SubscribeRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(accept, "accept");
        if (expires == null || expires.isNegative() || expires.isZero()) {
            throw new IllegalArgumentException("expires must be positive");
        }
    }

    /**
     * The bodies a presence subscription accepts (RFC 3856 §6.7): PIDF (RFC 3863) first, then Microsoft enhanced
     * presence categories ([MS-PRES]), which Lync and Skype for Business edges send when the watcher accepts them.
     */
    public static final String PRESENCE_ACCEPT = "application/pidf+xml, application/msrtc-event-categories+xml";

    /** A presence subscription (RFC 3856) accepting {@link #PRESENCE_ACCEPT}. */
    public static SubscribeRequest presence(String from, String to, Duration expires) {
        return new SubscribeRequest(from, to, "presence", PRESENCE_ACCEPT, expires);
    }
}
