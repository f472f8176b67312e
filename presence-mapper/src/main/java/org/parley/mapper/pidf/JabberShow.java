package org.parley.mapper.pidf;

import java.util.Optional;

/**
 * The value of the {@code <show xmlns='jabber:client'>} element that RFC 8048 §6.2 (Table 1, note 7) RECOMMENDS
 * placing directly in a PIDF {@code <status>}: one of the four {@code <show/>} values of RFC 6121 §4.7.2.1.
 */
public enum JabberShow {
    /** {@code chat}: actively interested in chatting. */
    CHAT("chat"),
    /** {@code away}: temporarily away. */
    AWAY("away"),
    /** {@code xa}: away for an extended period. */
    XA("xa"),
    /** {@code dnd}: busy (RFC 8048 §6.2 note 7: "merely means busy", nothing is blocked). */
    DND("dnd");

    private final String wire;

    JabberShow(String wire) {
        this.wire = wire;
    }

    /** The element text. */
    public String wire() {
        return wire;
    }

    /** The value whose text is {@code text} (exact), or empty for anything RFC 6121 does not define. */
    public static Optional<JabberShow> fromWire(String text) {
        for (JabberShow show : values()) {
            if (show.wire.equals(text)) {
                return Optional.of(show);
            }
        }
        return Optional.empty();
    }
}
