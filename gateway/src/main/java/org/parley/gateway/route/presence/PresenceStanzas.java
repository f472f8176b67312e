package org.parley.gateway.route.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.gateway.route.MessageStanzaReader;
import org.parley.gateway.route.MessageStanzaWriter;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;
import org.parley.xmpp.stream.XmppNamespaces;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.AttributeName;
import org.parley.xmpp.stream.XmlElement;

/**
 * Reads and writes {@code <presence/>} stanzas (RFC 6121 §4.7) as the mapper's {@link XmppPresence}: type, and for
 * available presence {@code <show/>}, {@code <status/>} (one per {@code xml:lang}, the first wins) and
 * {@code <priority/>} (clamped to −128..127; unreadable is 0). An unknown show counts as none. Error presences are
 * not read: the routes only log them.
 */
public final class PresenceStanzas {

    private PresenceStanzas() {
    }

    /** The presence, or why it cannot be read (an unknown type, an error presence, a JID the mapper refuses). */
    public static MappingResult<XmppPresence> read(Stanza stanza) {
        if (stanza.kind() != StanzaKind.PRESENCE) {
            throw new IllegalArgumentException("not a presence stanza: " + stanza.kind());
        }
        Optional<PresenceType> type = PresenceType.fromWire(
                stanza.type().isEmpty() ? Optional.empty() : Optional.of(stanza.type()));
        if (type.isEmpty() || type.get() == PresenceType.ERROR) {
            return MappingResult.rejected(new Rejection(StanzaErrorCondition.BAD_REQUEST, 400,
                    "presence of type '" + stanza.type() + "' is not routed"));
        }
        return MessageStanzaReader.address(stanza.from()).flatMap(from ->
                MessageStanzaReader.address(stanza.to()).map(to -> build(stanza.element(), type.get(), from, to)));
    }

    private static XmppPresence build(XmlElement element, PresenceType type, XmppAddress from, XmppAddress to) {
        String ns = element.namespace();
        XmppPresence presence = XmppPresence.of(type, from, to).withStatuses(statuses(element, ns));
        if (type != PresenceType.AVAILABLE) {
            return presence;
        }
        Show show = element.child(ns, "show").flatMap(s -> Show.fromWire(Optional.of(s.text().strip())))
                .orElse(Show.ABSENT);
        return presence.withShow(show).withPriority(priority(element, ns));
    }

    private static List<StatusText> statuses(XmlElement element, String ns) {
        List<StatusText> statuses = new ArrayList<>();
        Set<Optional<String>> langs = new HashSet<>();
        for (XmlElement status : element.elements(ns, "status")) {
            Optional<String> lang = status.lang().filter(l -> !l.isBlank());
            if (langs.add(lang)) {
                try {
                    statuses.add(new StatusText(status.text(), lang));
                } catch (IllegalArgumentException unusable) {
                    langs.remove(lang);
                }
            }
        }
        return statuses;
    }

    private static int priority(XmlElement element, String ns) {
        return element.child(ns, "priority").map(p -> {
            try {
                return Math.max(-128, Math.min(127, Integer.parseInt(p.text().strip())));
            } catch (NumberFormatException unreadable) {
                return 0;
            }
        }).orElse(0);
    }

    /** The stanza for {@code presence} (not an error presence), or why s2s cannot carry its addresses. */
    public static MappingResult<Stanza> write(XmppPresence presence) {
        if (presence.type() == PresenceType.ERROR) {
            throw new IllegalArgumentException("error presences are not written here");
        }
        var from = MessageStanzaWriter.jid(presence.from());
        var to = MessageStanzaWriter.jid(presence.to());
        if (from.isEmpty() || to.isEmpty()) {
            return MappingResult.rejected(new Rejection(StanzaErrorCondition.JID_MALFORMED, 400,
                    "not an XMPP address: " + (from.isEmpty() ? presence.from() : presence.to())));
        }
        String ns = XmppNamespaces.SERVER;
        XmlElement.Builder stanza = XmlElement.builder(ns, StanzaKind.PRESENCE.elementName())
                .attribute("from", from.get().toString()).attribute("to", to.get().toString());
        String type = presence.type().wire().orElse("");
        if (!type.isEmpty()) {
            stanza.attribute("type", type);
        }
        presence.show().wire().ifPresent(show -> stanza.child(XmlElement.builder(ns, "show").text(show).build()));
        for (StatusText status : presence.statuses()) {
            XmlElement.Builder element = XmlElement.builder(ns, "status").text(status.text());
            status.lang().ifPresent(lang -> element.attribute(AttributeName.XML_LANG, lang));
            stanza.child(element.build());
        }
        if (presence.priority() != 0) {
            stanza.child(XmlElement.builder(ns, "priority").text(Integer.toString(presence.priority())).build());
        }
        return MappingResult.mapped(new Stanza(StanzaKind.PRESENCE, from.get(), to.get(), "", type, stanza.build()));
    }
}
