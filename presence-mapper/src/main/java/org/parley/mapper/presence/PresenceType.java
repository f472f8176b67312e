package org.parley.mapper.presence;

import java.util.Optional;

/** The {@code type} of an XMPP {@code <presence/>} stanza (RFC 6121 §4.7.1; RFC 6120 §8.3 for error). */
public enum PresenceType {
    /** No {@code type} attribute: the sender is available (RFC 6121 §4.7.1). */
    AVAILABLE(null),
    /** The sender is no longer available. */
    UNAVAILABLE("unavailable"),
    /** The sender asks for a presence authorization (RFC 6121 §3.1). */
    SUBSCRIBE("subscribe"),
    /** The sender grants a presence authorization. */
    SUBSCRIBED("subscribed"),
    /** The sender cancels its authorization to see the recipient's presence (RFC 6121 §3.3). */
    UNSUBSCRIBE("unsubscribe"),
    /** The sender denies or revokes the recipient's authorization (RFC 6121 §3.2). */
    UNSUBSCRIBED("unsubscribed"),
    /** A server asks for the recipient's current presence (RFC 6121 §4.3). */
    PROBE("probe"),
    /** An error about a previously sent presence stanza. */
    ERROR("error");

    private final String wire;

    PresenceType(String wire) {
        this.wire = wire;
    }

    /** The {@code type} attribute value; empty for {@link #AVAILABLE}, which has none. */
    public Optional<String> wire() {
        return Optional.ofNullable(wire);
    }

    /** The type for an attribute value (empty = no attribute); empty result for a value RFC 6121 does not define. */
    public static Optional<PresenceType> fromWire(Optional<String> attribute) {
        if (attribute.isEmpty()) {
            return Optional.of(AVAILABLE);
        }
        for (PresenceType type : values()) {
            if (attribute.get().equals(type.wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Whether this type is a presence notification, the only kind mapped to a PIDF NOTIFY (RFC 8048 §6.2 note 1). */
    public boolean isNotification() {
        return this == AVAILABLE || this == UNAVAILABLE;
    }
}
