package org.parley.xmpp.stanza;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.error.StanzaErrorType;
import org.parley.xmpp.stream.XmlElement;

/**
 * A stanza error as a value (RFC 6120 §8.3): type, defined condition, optional text, and its XML form. Built with
 * the condition's usual type by {@link #of(StanzaErrorCondition)}; read from a received error stanza by
 * {@link #from(XmlElement)}. The condition and type vocabulary (RFC 6120 §8.3.2, §8.3.3) is the mapper's
 * {@link StanzaErrorCondition} and {@link StanzaErrorType}, the one table the whole gateway uses.
 *
 * @param type      what the sender may do (RFC 6120 §8.3.2)
 * @param condition the defined condition (RFC 6120 §8.3.3)
 * @param text      human-readable detail, {@code ""} for none (RFC 6120 §8.3.2)
 */
public record StanzaError(StanzaErrorType type, StanzaErrorCondition condition, String text) {

    /** The namespace of stanza error conditions (RFC 6120 §8.3.3). */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }

    /** The condition with its usual type and no text. */
    public static StanzaError of(StanzaErrorCondition condition) {
        return new StanzaError(condition.defaultType(), condition, "");
    }

    /** The condition with its usual type and a text. */
    public static StanzaError of(StanzaErrorCondition condition, String text) {
        return new StanzaError(condition.defaultType(), condition, text);
    }

    /** The {@code <error type=…>} child of an error stanza, in the given content namespace. */
    public XmlElement toElement(String contentNamespace) {
        XmlElement.Builder error = XmlElement.builder(contentNamespace, "error").attribute("type", type.xmlValue())
                .child(XmlElement.builder(NAMESPACE, condition.elementName()).build());
        if (!text.isEmpty()) {
            error.child(XmlElement.builder(NAMESPACE, "text").text(text).build());
        }
        return error.build();
    }

    /**
     * The error carried by an error stanza; unknown conditions read as {@code undefined-condition}, unknown types
     * as the condition's usual type. Empty when the stanza has no {@code <error/>} child.
     */
    public static Optional<StanzaError> from(XmlElement stanza) {
        Optional<XmlElement> error = stanza.child(stanza.namespace(), "error");
        if (error.isEmpty()) {
            return Optional.empty();
        }
        StanzaErrorCondition condition = StanzaErrorCondition.UNDEFINED_CONDITION;
        String text = "";
        for (XmlElement child : error.get().elements()) {
            if (!child.namespace().equals(NAMESPACE)) {
                continue;
            }
            if (child.localName().equals("text")) {
                text = child.text();
            } else {
                condition = StanzaErrorCondition.fromElementName(child.localName()).orElse(condition);
            }
        }
        StanzaErrorCondition found = condition;
        StanzaErrorType type = error.get().attribute("type")
                .flatMap(t -> Arrays.stream(StanzaErrorType.values()).filter(v -> v.xmlValue().equals(t)).findFirst())
                .orElse(found.defaultType());
        return Optional.of(new StanzaError(type, found, text));
    }
}
