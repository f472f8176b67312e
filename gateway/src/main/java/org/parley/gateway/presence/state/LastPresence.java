package org.parley.gateway.presence.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;

/**
 * The last presence broadcast from one XMPP resource (RFC 6121 §4.7): available with show, statuses and
 * priority, or unavailable (with the statuses it may carry). Kept so that probes and new watchers get an answer
 * without waiting for the next broadcast (RFC 8048 §5.3.1, §7).
 *
 * @param from     the full JID of the resource (a bare JID if the presence came from one)
 * @param show     {@link Show#ABSENT} unless available
 * @param priority −128..127 (RFC 6121 §4.7.2.3)
 */
public record LastPresence(XmppAddress from, boolean available, Show show, List<StatusText> statuses, int priority,
                           Instant updatedAt) {

    /** Checks the RFC 6121 rules {@link XmppPresence} checks; truncates {@code updatedAt} to microseconds. */
    public LastPresence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(show, "show");
        statuses = List.copyOf(statuses);
        if (show != Show.ABSENT && !available) {
            throw new IllegalArgumentException("<show/> belongs to available presence only");
        }
        if (priority < -128 || priority > 127) {
            throw new IllegalArgumentException("priority must be within -128..127: " + priority);
        }
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The presence {@code stanza} leaves as last known, received at {@code now}.
     *
     * @throws IllegalArgumentException for a type other than available or unavailable (subscriptions, probes and
     *                                  errors are not presence broadcasts)
     */
    public static LastPresence of(XmppPresence stanza, Instant now) {
        boolean available = switch (stanza.type()) {
            case AVAILABLE -> true;
            case UNAVAILABLE -> false;
            default -> throw new IllegalArgumentException("not a presence broadcast: " + stanza.type());
        };
        return new LastPresence(stanza.from(), available, stanza.show(), stanza.statuses(), stanza.priority(), now);
    }

    /** The key this presence is stored under. */
    public PresenceKey key() {
        return new PresenceKey(from);
    }

    /** This presence as a stanza to {@code to}, e.g. to answer a probe. */
    public XmppPresence toStanza(XmppAddress to) {
        PresenceType type = available ? PresenceType.AVAILABLE : PresenceType.UNAVAILABLE;
        return XmppPresence.of(type, from, to).withShow(show).withStatuses(statuses).withPriority(priority);
    }
}
