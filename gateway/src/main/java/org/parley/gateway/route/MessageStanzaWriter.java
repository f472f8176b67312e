package org.parley.gateway.route;

import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.XmppMessage;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.AttributeName;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/**
 * Writes the mapper's {@link XmppMessage} as a {@code <message/>} stanza for s2s (RFC 6121 §5.2): {@code type}
 * (omitted for normal), id, {@code xml:lang}, subjects, bodies, thread with parent, XEP-0085 chat state, XEP-0184
 * {@code <request/>} / {@code <received/>}, and the XEP-0071 {@code <html/>} wrapper around the XHTML body.
 * JIDs go through the s2s module's RFC 7622 checks (which fold the localpart to lower case); one that fails them
 * is refused with {@code jid-malformed} / 400.
 */
public final class MessageStanzaWriter {

    private MessageStanzaWriter() {
    }

    /** The stanza, or why the message cannot be carried by s2s. */
    public static MappingResult<Stanza> write(XmppMessage message) {
        Optional<Jid> from = jid(message.from());
        Optional<Jid> to = jid(message.to());
        if (from.isEmpty() || to.isEmpty()) {
            return MappingResult.rejected(new Rejection(StanzaErrorCondition.JID_MALFORMED, 400,
                    "not an XMPP address: " + (from.isEmpty() ? message.from() : message.to())));
        }
        String type = message.type() == MessageType.NORMAL ? "" : message.type().xmlValue();
        String ns = XmppNamespaces.SERVER;
        XmlElement.Builder stanza = XmlElement.builder(ns, StanzaKind.MESSAGE.elementName())
                .attribute("from", from.get().toString()).attribute("to", to.get().toString());
        message.id().ifPresent(id -> stanza.attribute("id", id));
        if (!type.isEmpty()) {
            stanza.attribute("type", type);
        }
        message.language().ifPresent(lang -> stanza.attribute(AttributeName.XML_LANG, lang));
        message.subjects().forEach(subject -> stanza.child(text(ns, "subject", subject)));
        message.bodies().forEach(body -> stanza.child(text(ns, "body", body)));
        message.thread().ifPresent(thread -> {
            XmlElement.Builder element = XmlElement.builder(ns, "thread").text(thread.id());
            thread.parent().ifPresent(parent -> element.attribute("parent", parent));
            stanza.child(element.build());
        });
        message.chatState().ifPresent(state ->
                stanza.child(XmlElement.builder(ImNamespaces.CHAT_STATES, state.elementName()).build()));
        if (message.receiptRequested()) {
            stanza.child(XmlElement.builder(ImNamespaces.RECEIPTS, "request").build());
        }
        message.receiptFor().ifPresent(id ->
                stanza.child(XmlElement.builder(ImNamespaces.RECEIPTS, "received").attribute("id", id).build()));
        message.xhtmlBody().flatMap(XhtmlFragment::parse).ifPresent(body ->
                stanza.child(XmlElement.builder(ImNamespaces.XHTML_IM, "html").child(body).build()));
        return MappingResult.mapped(new Stanza(StanzaKind.MESSAGE, from.get(), to.get(), message.id().orElse(""),
                type, stanza.build()));
    }

    /** The s2s JID for a mapper address, if RFC 7622 (as the s2s module checks it) accepts it. */
    public static Optional<Jid> jid(XmppAddress address) {
        return Jid.parse(address.toString());
    }

    private static XmlElement text(String ns, String name, LocalizedText text) {
        XmlElement.Builder element = XmlElement.builder(ns, name).text(text.text());
        text.language().ifPresent(lang -> element.attribute(AttributeName.XML_LANG, lang));
        return element.build();
    }
}
