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
 * so the names and texts are the JVM's shared copies ({@link String#intern()}): everyone watching the same SIP user
 * is shown the same ones.
 *
 * @param resource the resourcepart of the SIP user's JID it came from; empty for the bare JID (a resourcepart is
 *                 never empty, RFC 7622 §3.4)
 * @param type     {@link PresenceType#AVAILABLE} or {@link PresenceType#UNAVAILABLE}
 */
record ShownResource(String resource, PresenceType type, Show show, List<StatusText> statuses, int priority) {

    /** What {@code presence} showed, with shared copies of its strings. */
    static ShownResource of(XmppPresence presence) {
        List<StatusText> statuses = presence.statuses().stream()
                .map(status -> new StatusText(status.text().intern(), status.lang().map(String::intern))).toList();
        return new ShownResource(presence.from().resource().map(String::intern).orElse(""), presence.type(),
                presence.show(), statuses.isEmpty() ? List.of() : List.copyOf(statuses), presence.priority());
    }

    /** The resource's JID: {@code presentity} (a bare JID) with this resourcepart. */
    XmppAddress from(XmppAddress presentity) {
        return resource.isEmpty() ? presentity : presentity.withResource(resource);
    }

    /** The stanza again, from {@code presentity}'s resource to {@code to}. */
    XmppPresence toStanza(XmppAddress presentity, XmppAddress to) {
        return new XmppPresence(from(presentity), to, type, show, statuses, priority, Optional.empty());
    }

    boolean available() {
        return type == PresenceType.AVAILABLE;
    }
}
