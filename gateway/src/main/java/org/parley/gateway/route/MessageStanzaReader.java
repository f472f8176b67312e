package org.parley.gateway.route;

import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ChatState;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageThread;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.XmppMessage;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmlElement;

/**
 * Reads a {@code <message/>} stanza from s2s into the mapper's {@link XmppMessage} (RFC 6121 §5.2): type (an
 * unknown type is {@code normal}, §5.2.2), id, {@code xml:lang}, bodies and subjects with their own languages,
 * thread with parent, the first XEP-0085 chat state, XEP-0184 {@code <request/>} and {@code <received id/>}, and the
 * XEP-0071 XHTML body. Other payload is ignored. Addresses and content the mapper cannot hold are refused with
 * {@code jid-malformed} or {@code bad-request}, never thrown.
 */
public final class MessageStanzaReader {

    private MessageStanzaReader() {
    }

    /** The message, or why it cannot be read. */
    public static MappingResult<XmppMessage> read(Stanza stanza) {
        if (stanza.kind() != StanzaKind.MESSAGE) {
            throw new IllegalArgumentException("not a message stanza: " + stanza.kind());
        }
        return address(stanza.from()).flatMap(from -> address(stanza.to()).flatMap(to -> build(stanza, from, to)));
    }

    /** The mapper's address for an s2s JID (a user's: a JID without localpart is refused as the mapper says). */
    public static MappingResult<XmppAddress> address(Jid jid) {
        return XmppAddress.parse(jid.toString());
    }

    private static MappingResult<XmppMessage> build(Stanza stanza, XmppAddress from, XmppAddress to) {
        XmlElement element = stanza.element();
        String ns = element.namespace();
        try {
            XmppMessage.Builder message = XmppMessage.builder(from, to)
                    .type(MessageType.fromXmlValue(stanza.type()).orElse(MessageType.NORMAL))
                    .id(stanza.id().isEmpty() ? Optional.empty() : Optional.of(stanza.id()))
                    .language(element.lang())
                    .thread(element.child(ns, "thread").filter(t -> !t.text().isEmpty())
                            .map(t -> new MessageThread(t.text(), t.attribute("parent").filter(p -> !p.isEmpty()))))
                    .chatState(chatState(element))
                    .receiptRequested(element.child(ImNamespaces.RECEIPTS, "request").isPresent())
                    .xhtmlBody(element.child(ImNamespaces.XHTML_IM, "html")
                            .flatMap(html -> html.child(ImNamespaces.XHTML, "body")).map(XmlElement::toXml));
            element.elements(ns, "body").forEach(body -> message.body(new LocalizedText(body.lang(), body.text())));
            element.elements(ns, "subject").forEach(s -> message.subject(new LocalizedText(s.lang(), s.text())));
            element.child(ImNamespaces.RECEIPTS, "received").flatMap(r -> r.attribute("id"))
                    .filter(id -> !id.isEmpty()).ifPresent(message::receiptFor);
            return MappingResult.mapped(message.build());
        } catch (IllegalArgumentException unusable) {
            return MappingResult.rejected(new Rejection(StanzaErrorCondition.BAD_REQUEST, 400,
                    "message cannot be translated: " + unusable.getMessage()));
        }
    }

    private static Optional<ChatState> chatState(XmlElement element) {
        return element.elements().stream()
                .filter(child -> child.namespace().equals(ImNamespaces.CHAT_STATES))
                .map(child -> ChatState.fromElementName(child.localName()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
