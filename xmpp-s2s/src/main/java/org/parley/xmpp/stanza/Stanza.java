package org.parley.xmpp.stanza;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.xmpp.stream.AttributeName;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmlNode;
import org.parley.xmpp.stream.XmppNamespaces;

/**
 * An immutable stanza as it crosses the module boundary (RFC 6120 §8): kind, checked addresses, id, type and
 * the whole element (namespace {@code jabber:server}, immutable) for its payload. On server-to-server streams
 * both {@code from} and {@code to} are mandatory (RFC 6120 §8.1.1.1, §8.1.2.1).
 *
 * @param kind    message, presence or iq
 * @param from    the sender
 * @param to      the intended recipient
 * @param id      the {@code id} attribute, {@code ""} when absent
 * @param type    the {@code type} attribute, {@code ""} when absent
 * @param element the full element; its {@code from}, {@code to}, {@code id} and {@code type} agree with the
 *                fields above
 */
public record Stanza(StanzaKind kind, Jid from, Jid to, String id, String type, XmlElement element) {

    /** Requires the element to be this stanza in {@code jabber:server} with the same addressing. */
    public Stanza {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!element.is(XmppNamespaces.SERVER, kind.elementName())
                || !element.attribute("from").orElse("").equals(from.toString())
                || !element.attribute("to").orElse("").equals(to.toString())
                || !element.attribute("id").orElse("").equals(id)
                || !element.attribute("type").orElse("").equals(type)) {
            throw new IllegalArgumentException("element does not match the stanza fields: " + element);
        }
    }

    /** A stanza of {@code kind} with these attributes and payload children, in {@code jabber:server}. */
    public static Stanza of(StanzaKind kind, Jid from, Jid to, String id, String type, List<? extends XmlNode> payload) {
        XmlElement.Builder builder = XmlElement.builder(XmppNamespaces.SERVER, kind.elementName())
                .attribute("from", from.toString()).attribute("to", to.toString());
        if (!id.isEmpty()) {
            builder.attribute("id", id);
        }
        if (!type.isEmpty()) {
            builder.attribute("type", type);
        }
        payload.forEach(builder::node);
        return new Stanza(kind, from, to, id, type, builder.build());
    }

    /**
     * Reads an element received on a server-to-server stream. The outcome tells the session what to do with
     * input that is not a usable stanza (RFC 6120 §8.1.1.1, §8.3.3.8, §4.9.3.9).
     */
    public static StanzaParse parse(XmlElement element) {
        Optional<StanzaKind> kind = StanzaKind.of(element.localName());
        if (kind.isEmpty() || !element.namespace().equals(XmppNamespaces.SERVER)) {
            return new StanzaParse.Rejected(StanzaParse.Problem.NOT_A_STANZA, Optional.empty(), element);
        }
        Optional<String> fromText = element.attribute("from");
        Optional<String> toText = element.attribute("to");
        if (fromText.isEmpty() || toText.isEmpty()) {
            return new StanzaParse.Rejected(StanzaParse.Problem.MISSING_ADDRESS, Optional.empty(), element);
        }
        Optional<Jid> from = Jid.parse(fromText.get());
        if (from.isEmpty()) {
            return new StanzaParse.Rejected(StanzaParse.Problem.MALFORMED_FROM, Optional.empty(), element);
        }
        Optional<Jid> to = Jid.parse(toText.get());
        if (to.isEmpty()) {
            return new StanzaParse.Rejected(StanzaParse.Problem.MALFORMED_TO, from, element);
        }
        XmlElement normalised = element.toBuilder()
                .attribute("from", from.get().toString()).attribute("to", to.get().toString()).build();
        return new StanzaParse.Parsed(new Stanza(kind.get(), from.get(), to.get(),
                element.attribute("id").orElse(""), element.attribute("type").orElse(""), normalised));
    }

    /** Whether this is an IQ request ({@code get} or {@code set}), which must be answered (RFC 6120 §8.2.3). */
    public boolean isIqRequest() {
        return kind == StanzaKind.IQ && (type.equals("get") || type.equals("set"));
    }

    /** Whether this stanza is itself an error (never answered with an error, RFC 6120 §8.3.1). */
    public boolean isError() {
        return type.equals("error");
    }

    /**
     * The error reply to this stanza (RFC 6120 §8.3.1): addresses swapped, same id, {@code type='error'}, the
     * original payload followed by {@code error}. Empty for error stanzas and IQ results, which are never
     * answered.
     */
    public Optional<Stanza> errorReply(StanzaError error) {
        return errorReplyFrom(to, error);
    }

    /** As {@link #errorReply(StanzaError)}, but sent from {@code replyFrom} (e.g. the server refusing to relay). */
    public Optional<Stanza> errorReplyFrom(Jid replyFrom, StanzaError error) {
        if (isError() || (kind == StanzaKind.IQ && !isIqRequest())) {
            return Optional.empty();
        }
        return Optional.of(errorReply(error, from, replyFrom, element));
    }

    /**
     * The error reply for a stanza whose {@code to} could not be parsed: from {@code replyFrom} (normally the
     * receiving server's domain) to {@code sender}.
     */
    public static Stanza errorReply(StanzaError error, Jid sender, Jid replyFrom, XmlElement original) {
        StanzaKind kind = StanzaKind.of(original.localName()).orElseThrow();
        XmlElement.Builder reply = XmlElement.builder(XmppNamespaces.SERVER, kind.elementName())
                .attribute("from", replyFrom.toString()).attribute("to", sender.toString());
        original.attribute("id").ifPresent(id -> reply.attribute("id", id));
        reply.attribute("type", "error");
        original.attributes().forEach((name, value) -> {
            if (name.equals(AttributeName.XML_LANG)) {
                reply.attribute(name, value);
            }
        });
        original.children().forEach(reply::node);
        reply.child(error.toElement(XmppNamespaces.SERVER));
        XmlElement element = reply.build();
        return new Stanza(kind, replyFrom, sender, original.attribute("id").orElse(""), "error", element);
    }

    /** A result IQ answering this request (RFC 6120 §8.2.3) with optional payload. */
    public Stanza iqResult(List<XmlElement> payload) {
        if (!isIqRequest()) {
            throw new IllegalStateException("not an IQ request: " + element);
        }
        return of(StanzaKind.IQ, to, from, id, "result", payload);
    }
}
