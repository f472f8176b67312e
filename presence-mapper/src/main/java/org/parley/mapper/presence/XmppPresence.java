package org.parley.mapper.presence;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaError;

/**
 * An XMPP {@code <presence/>} stanza as the gateway maps it (RFC 6121 §4.7): addresses, type, and for available
 * presence the show, status texts and priority. The stanza {@code id} is not kept (RFC 8048 §6.2 note 3).
 *
 * @param show     {@link Show#ABSENT} unless the type is {@link PresenceType#AVAILABLE}
 * @param statuses the {@code <status/>} texts, at most one per {@code xml:lang} (RFC 6121 §4.7.2.2)
 * @param priority −128..127; 0 when the stanza has no {@code <priority/>} (RFC 6121 §4.7.2.3)
 * @param error    present exactly when the type is {@link PresenceType#ERROR}
 */
public record XmppPresence(XmppAddress from, XmppAddress to, PresenceType type, Show show,
                           List<StatusText> statuses, int priority, Optional<StanzaError> error) {

    /** Checks the RFC 6121 rules above; violations are programmer errors. */
    public XmppPresence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(error, "error");
        statuses = List.copyOf(statuses);
        if (priority < -128 || priority > 127) {
            throw new IllegalArgumentException("priority must be within -128..127: " + priority);
        }
        if (show != Show.ABSENT && type != PresenceType.AVAILABLE) {
            throw new IllegalArgumentException("<show/> belongs to available presence only, not " + type);
        }
        if (error.isPresent() != (type == PresenceType.ERROR)) {
            throw new IllegalArgumentException("an error is required for, and only for, type error");
        }
        Set<Optional<String>> langs = new HashSet<>();
        for (StatusText status : statuses) {
            if (!langs.add(status.lang())) {
                throw new IllegalArgumentException("two <status/> with the same xml:lang " + status.lang());
            }
        }
    }

    /** A presence of {@code type} (not error) with no show, status or priority. */
    public static XmppPresence of(PresenceType type, XmppAddress from, XmppAddress to) {
        return new XmppPresence(from, to, type, Show.ABSENT, List.of(), 0, Optional.empty());
    }

    /** Plain available presence. */
    public static XmppPresence available(XmppAddress from, XmppAddress to) {
        return of(PresenceType.AVAILABLE, from, to);
    }

    /** Unavailable presence. */
    public static XmppPresence unavailable(XmppAddress from, XmppAddress to) {
        return of(PresenceType.UNAVAILABLE, from, to);
    }

    /** A presence error answering a stanza from {@code to}. */
    public static XmppPresence error(XmppAddress from, XmppAddress to, StanzaError error) {
        return new XmppPresence(from, to, PresenceType.ERROR, Show.ABSENT, List.of(), 0, Optional.of(error));
    }

    /** This presence with {@code show}. */
    public XmppPresence withShow(Show show) {
        return new XmppPresence(from, to, type, show, statuses, priority, error);
    }

    /** This presence with {@code statuses} instead of its own. */
    public XmppPresence withStatuses(List<StatusText> statuses) {
        return new XmppPresence(from, to, type, show, statuses, priority, error);
    }

    /** This presence with {@code priority}. */
    public XmppPresence withPriority(int priority) {
        return new XmppPresence(from, to, type, show, statuses, priority, error);
    }
}
