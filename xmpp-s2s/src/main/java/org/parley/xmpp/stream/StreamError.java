package org.parley.xmpp.stream;

import java.util.Objects;
import java.util.Optional;

/**
 * A stream-level error (RFC 6120 §4.9): a defined condition and an optional descriptive text. Stream errors
 * are unrecoverable; after sending one the stream is closed (RFC 6120 §4.9.1.1).
 *
 * @param condition the defined condition (RFC 6120 §4.9.3)
 * @param text      human-readable detail (RFC 6120 §4.9.2), {@code ""} for none
 */
public record StreamError(StreamErrorCondition condition, String text) {

    /** Checks that the text is XML-serialisable. */
    public StreamError {
        Objects.requireNonNull(condition, "condition");
        XmlChars.requireXmlText(Objects.requireNonNull(text, "text"), "stream error text");
    }

    /** An error without text. */
    public static StreamError of(StreamErrorCondition condition) {
        return new StreamError(condition, "");
    }

    /**
     * The {@code <stream:error>} element (RFC 6120 §4.9.2): the condition element, then {@code <text>} when
     * there is text.
     */
    public XmlElement toElement() {
        XmlElement.Builder error = XmlElement.builder(XmppNamespaces.STREAMS, "error")
                .child(XmlElement.builder(XmppNamespaces.STREAM_ERRORS, condition.elementName()).build());
        if (!text.isEmpty()) {
            error.child(XmlElement.builder(XmppNamespaces.STREAM_ERRORS, "text").text(text).build());
        }
        return error.build();
    }

    /**
     * Reads a received {@code <stream:error>} (RFC 6120 §4.9.2). An unknown or missing condition reads as
     * {@link StreamErrorCondition#UNDEFINED_CONDITION}; an element that is not a stream error gives empty.
     */
    public static Optional<StreamError> fromElement(XmlElement element) {
        if (!element.is(XmppNamespaces.STREAMS, "error")) {
            return Optional.empty();
        }
        StreamErrorCondition condition = StreamErrorCondition.UNDEFINED_CONDITION;
        String text = "";
        for (XmlElement child : element.elements()) {
            if (!child.namespace().equals(XmppNamespaces.STREAM_ERRORS)) {
                continue;
            }
            if (child.localName().equals("text")) {
                text = child.text();
            } else {
                condition = StreamErrorCondition.fromElementName(child.localName()).orElse(condition);
            }
        }
        return Optional.of(new StreamError(condition, text));
    }
}
