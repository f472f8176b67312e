package org.parley.mapper.presence;

import java.util.Optional;
import org.parley.mapper.pidf.JabberShow;

/**
 * The availability sub-state of an available XMPP presence (RFC 6121 §4.7.2.1): the four {@code <show/>} values,
 * plus {@link #ABSENT} for a presence without {@code <show/>}, i.e. plainly available.
 */
public enum Show {
    /** No {@code <show/>} element: available. */
    ABSENT(null, 1),
    /** {@code chat}: actively interested in chatting. */
    CHAT(JabberShow.CHAT, 0),
    /** {@code away}: temporarily away. */
    AWAY(JabberShow.AWAY, 2),
    /** {@code xa}: away for an extended period. */
    XA(JabberShow.XA, 3),
    /** {@code dnd}: busy. */
    DND(JabberShow.DND, 4);

    private final JabberShow pidf;
    private final int rank;

    Show(JabberShow pidf, int rank) {
        this.pidf = pidf;
        this.rank = rank;
    }

    /** The element text, empty for {@link #ABSENT}. */
    public Optional<String> wire() {
        return toPidf().map(JabberShow::wire);
    }

    /** The value of the {@code <show xmlns='jabber:client'>} PIDF extension (RFC 8048 §6.2 note 7), if any. */
    public Optional<JabberShow> toPidf() {
        return Optional.ofNullable(pidf);
    }

    /** The show an embedded {@code <show xmlns='jabber:client'>} value stands for. */
    public static Show fromPidf(JabberShow show) {
        for (Show value : values()) {
            if (value.pidf == show) {
                return value;
            }
        }
        throw new AssertionError("every JabberShow has a Show: " + show);
    }

    /** The show for element text (empty = no element); empty result for a value RFC 6121 does not define. */
    public static Optional<Show> fromWire(Optional<String> element) {
        if (element.isEmpty()) {
            return Optional.of(ABSENT);
        }
        return JabberShow.fromWire(element.get()).map(Show::fromPidf);
    }

    /**
     * Orders shows from most to least available (chat, none, away, xa, dnd), the order user agents use to pick
     * what to display for a contact with several resources (RFC 8048 §6.2, last paragraph).
     */
    public boolean isMoreAvailableThan(Show other) {
        return rank < other.rank;
    }
}
