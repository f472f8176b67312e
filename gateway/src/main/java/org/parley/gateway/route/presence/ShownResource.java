package org.parley.gateway.route.presence;

import java.util.List;
import java.util.Optional;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;

/**
 * The presence last shown to an XMPP user for one resource of a SIP user (RFC 6121 §4.7), as a
 * {@link PresentityWatch} keeps it to answer a probe or to say which resources went away (RFC 8048 §5.2): the
 * stanza's values without its addresses, which the watch knows. A gateway keeps one per subscription and resource,
 * so the names and texts are the JVM's shared copies ({@link String#intern()}), since everyone watching the same SIP
 * user is shown the same ones, and the usual single status without {@code xml:lang} is kept as its text alone.
 *
 * @param resource the resourcepart of the SIP user's JID it came from; empty for the bare JID (a resourcepart is
 *                 never empty, RFC 7622 §3.4)
 * @param type     {@link PresenceType#AVAILABLE} or {@link PresenceType#UNAVAILABLE}
 * @param status   the text of the one status, when the stanza had exactly one, without {@code xml:lang} and not
 *                 empty; else empty and the statuses are in {@code statuses}
 * @param statuses the statuses otherwise (RFC 6121 §4.7.2.2)
 */
record ShownResource(String resource, PresenceType type, Show show, String status, List<StatusText> statuses,
                     int priority) {

    /** What {@code presence} showed, with shared copies of its strings. */
    static ShownResource of(XmppPresence presence) {
        String resource = presence.from().resource().map(String::intern).orElse("");
        List<StatusText> statuses = presence.statuses();
        if (statuses.size() == 1 && statuses.get(0).lang().isEmpty() && !statuses.get(0).text().isEmpty()) {
            return new ShownResource(resource, presence.type(), presence.show(), statuses.get(0).text().intern(),
                    List.of(), presence.priority());
        }
        List<StatusText> shared = statuses.stream()
                .map(text -> new StatusText(text.text().intern(), text.lang().map(String::intern))).toList();
        return new ShownResource(resource, presence.type(), presence.show(), "",
                shared.isEmpty() ? List.of() : List.copyOf(shared), presence.priority());
    }

    /** The resource's JID: {@code presentity} (a bare JID) with this resourcepart. */
    XmppAddress from(XmppAddress presentity) {
        return resource.isEmpty() ? presentity : presentity.withResource(resource);
    }

    /** The stanza again, from {@code presentity}'s resource to {@code to}. */
    XmppPresence toStanza(XmppAddress presentity, XmppAddress to) {
        List<StatusText> texts = status.isEmpty() ? statuses : List.of(StatusText.of(status));
        return new XmppPresence(from(presentity), to, type, show, texts, priority, Optional.empty());
    }

    boolean available() {
        return type == PresenceType.AVAILABLE;
    }
}
