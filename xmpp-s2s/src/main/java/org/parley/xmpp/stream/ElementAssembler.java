package org.parley.xmpp.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLStreamReader;

/**
 * Builds {@link XmlElement} trees from the parser's start, text and end events of one depth-1 element at a
 * time (RFC 6120 §4.1), checking the per-element limits of RFC 6120 §13.12 as each start tag arrives. Uses
 * an explicit stack, never recursion, so nesting depth cannot exhaust the thread stack.
 */
final class ElementAssembler {

    private final StreamLimits limits;
    private final Deque<XmlElement.Builder> open = new ArrayDeque<>();

    ElementAssembler(StreamLimits limits) {
        this.limits = limits;
    }

    /** Whether an element is being assembled (the parser is inside a stanza). */
    boolean isOpen() {
        return !open.isEmpty();
    }

    /**
     * Checks the start tag the reader is positioned on: attribute and declaration count, name lengths,
     * value lengths, and that no prefix is bound to the empty namespace (Namespaces in XML 1.0 §2.2).
     */
    Optional<StreamError> checkStartTag(XMLStreamReader reader) {
        int declarations = reader.getNamespaceCount();
        int attributes = reader.getAttributeCount();
        if (nameLength(reader.getPrefix(), reader.getLocalName()) > limits.maxNameLength()) {
            return policy("element name longer than " + limits.maxNameLength());
        }
        if (attributes + declarations > limits.maxAttributes()) {
            return policy("more than " + limits.maxAttributes() + " attributes and namespace declarations");
        }
        for (int i = 0; i < declarations; i++) {
            String prefix = reader.getNamespacePrefix(i);
            String uri = nullToEmpty(reader.getNamespaceURI(i));
            if (nameLength(null, prefix) > limits.maxNameLength() || uri.length() > limits.maxAttributeValueLength()) {
                return policy("namespace declaration too long");
            }
            if (prefix != null && !prefix.isEmpty() && uri.isEmpty()) {
                return Optional.of(new StreamError(StreamErrorCondition.NOT_WELL_FORMED,
                        "prefix '" + prefix + "' bound to the empty namespace"));
            }
        }
        for (int i = 0; i < attributes; i++) {
            if (nameLength(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)) > limits.maxNameLength()) {
                return policy("attribute name longer than " + limits.maxNameLength());
            }
            if (reader.getAttributeValue(i).length() > limits.maxAttributeValueLength()) {
                return policy("attribute value longer than " + limits.maxAttributeValueLength());
            }
        }
        return Optional.empty();
    }

    /** Opens an element for the start tag the reader is positioned on, after checking limits and depth. */
    Optional<StreamError> start(XMLStreamReader reader) {
        if (open.size() >= limits.maxDepth()) {
            return policy("elements nested deeper than " + limits.maxDepth());
        }
        Optional<StreamError> tagError = checkStartTag(reader);
        if (tagError.isPresent()) {
            return tagError;
        }
        XmlElement.Builder builder = XmlElement.builder(nullToEmpty(reader.getNamespaceURI()), reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            builder.attribute(new AttributeName(nullToEmpty(reader.getAttributeNamespace(i)),
                    reader.getAttributeLocalName(i)), reader.getAttributeValue(i));
        }
        open.push(builder);
        return Optional.empty();
    }

    /** Adds character data to the innermost open element. */
    void text(String text) {
        open.element().text(text);
    }

    /**
     * Closes the innermost open element.
     *
     * @return the finished depth-1 element, or empty when a nested element was closed
     */
    Optional<XmlElement> end() {
        XmlElement element = open.pop().build();
        if (open.isEmpty()) {
            return Optional.of(element);
        }
        open.element().child(element);
        return Optional.empty();
    }

    private static int nameLength(String prefix, String localName) {
        int prefixLength = prefix == null || prefix.isEmpty() ? 0 : prefix.length() + 1;
        return prefixLength + nullToEmpty(localName).length();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Optional<StreamError> policy(String text) {
        return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION, text));
    }
}
