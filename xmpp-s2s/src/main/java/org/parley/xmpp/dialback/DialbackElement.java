package org.parley.xmpp.dialback;

import java.util.Objects;
import java.util.Optional;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/**
 * A {@code <db:result/>} or {@code <db:verify/>} element (XEP-0220 §2): kind, addressing, stream id (verify
 * only), the answer type (absent on requests), and the key (requests only).
 *
 * @param kind RESULT or VERIFY
 * @param from the sending domain
 * @param to   the receiving domain
 * @param id   the stream id being vouched for ({@code db:verify}), {@code ""} on {@code db:result}
 * @param type {@code valid}, {@code invalid} or {@code error} on answers; empty on requests
 * @param key  the dialback key on requests, {@code ""} on answers
 */
public record DialbackElement(Kind kind, String from, String to, String id, Optional<String> type, String key) {

    /** Which dialback element. */
    public enum Kind { RESULT, VERIFY }

    public DialbackElement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
    }

    /** Reads a dialback element; empty when {@code element} is not one or lacks {@code from}/{@code to}. */
    public static Optional<DialbackElement> parse(XmlElement element) {
        if (!element.namespace().equals(XmppNamespaces.DIALBACK)) {
            return Optional.empty();
        }
        Kind kind = switch (element.localName()) {
            case "result" -> Kind.RESULT;
            case "verify" -> Kind.VERIFY;
            default -> null;
        };
        Optional<String> from = element.attribute("from");
        Optional<String> to = element.attribute("to");
        if (kind == null || from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DialbackElement(kind, from.get(), to.get(), element.attribute("id").orElse(""),
                element.attribute("type"), element.text().strip()));
    }

    /** Whether this is a request (no {@code type}) rather than an answer. */
    public boolean isRequest() {
        return type.isEmpty();
    }

    /** Whether this is an answer of type {@code valid}. */
    public boolean isValid() {
        return type.filter("valid"::equals).isPresent();
    }

    /** A request: {@code <db:result>} (id ignored) or {@code <db:verify id>} carrying {@code key}. */
    public static DialbackElement request(Kind kind, String from, String to, String id, String key) {
        return new DialbackElement(kind, from, to, kind == Kind.VERIFY ? id : "", Optional.empty(), key);
    }

    /** The answer to this request, sent back with addresses swapped. */
    public DialbackElement answer(String answerType) {
        return new DialbackElement(kind, to, from, id, Optional.of(answerType), "");
    }

    /** The XML element; an {@code error} answer carries {@code <remote-server-not-found/>} (XEP-0220 §2.4). */
    public XmlElement toElement() {
        XmlElement.Builder builder = XmlElement.builder(XmppNamespaces.DIALBACK,
                kind == Kind.RESULT ? "result" : "verify").attribute("from", from).attribute("to", to);
        if (!id.isEmpty()) {
            builder.attribute("id", id);
        }
        type.ifPresent(t -> builder.attribute("type", t));
        if (!key.isEmpty()) {
            builder.text(key);
        }
        if (type.filter("error"::equals).isPresent()) {
            builder.child(XmlElement.builder(XmppNamespaces.SERVER, "error").attribute("type", "cancel")
                    .child(XmlElement.builder("urn:ietf:params:xml:ns:xmpp-stanzas", "remote-server-not-found").build())
                    .build());
        }
        return builder.build();
    }
}
