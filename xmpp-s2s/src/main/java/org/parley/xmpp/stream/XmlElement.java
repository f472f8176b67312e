package org.parley.xmpp.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element as carried by an XMPP stream (RFC 6120 §4.1, §8): a stanza, a stream feature,
 * a negotiation element or any of their descendants.
 *
 * <p>The model is prefix-free: an element is named by namespace URI and local name, attributes by
 * {@link AttributeName}, and namespace declarations are resolved away. Children keep their document order;
 * adjacent text runs are merged and empty ones dropped, so two elements with the same infoset are equal and
 * an element re-parsed from its own serialisation equals the original. All names and characters are checked
 * on construction, so every instance can be written back as XML 1.0.
 *
 * @param namespace  namespace URI, {@code ""} for none
 * @param localName  local part of the element name (an NCName)
 * @param attributes attributes in document order; unmodifiable
 * @param children   child elements and text in document order; unmodifiable
 */
public record XmlElement(String namespace, String localName, Map<AttributeName, String> attributes,
                         List<XmlNode> children) implements XmlNode {

    /** Validates names and characters, copies the collections and merges adjacent text. */
    public XmlElement {
        Objects.requireNonNull(namespace, "namespace");
        XmlChars.requireXmlText(namespace, "namespace");
        XmlChars.requireNcName(localName, "element name");
        Map<AttributeName, String> attrs = new LinkedHashMap<>();
        attributes.forEach((name, value) -> attrs.put(Objects.requireNonNull(name, "attribute name"),
                XmlChars.requireXmlText(Objects.requireNonNull(value, "attribute value"), "attribute " + name)));
        attributes = Collections.unmodifiableMap(attrs);
        children = normalise(children);
    }

    /** Starts a builder for an element {@code localName} in {@code namespace}. */
    public static Builder builder(String namespace, String localName) {
        return new Builder(namespace, localName);
    }

    /** A builder pre-filled with this element's name, attributes and children. */
    public Builder toBuilder() {
        Builder builder = new Builder(namespace, localName);
        attributes.forEach(builder::attribute);
        children.forEach(builder::node);
        return builder;
    }

    /** Whether this element has the given namespace and local name. */
    public boolean is(String namespace, String localName) {
        return this.namespace.equals(namespace) && this.localName.equals(localName);
    }

    /** The value of the unqualified attribute {@code localName} ({@code to}, {@code type}, …). */
    public Optional<String> attribute(String localName) {
        return attribute(AttributeName.of(localName));
    }

    /** The value of the attribute {@code name}. */
    public Optional<String> attribute(AttributeName name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The {@code xml:lang} attribute of this element itself (not inherited). */
    public Optional<String> lang() {
        return attribute(AttributeName.XML_LANG);
    }

    /** The child elements, without text. */
    public List<XmlElement> elements() {
        List<XmlElement> elements = new ArrayList<>();
        for (XmlNode child : children) {
            if (child instanceof XmlElement element) {
                elements.add(element);
            }
        }
        return Collections.unmodifiableList(elements);
    }

    /** The child elements with the given namespace and local name, in order. */
    public List<XmlElement> elements(String namespace, String localName) {
        return elements().stream().filter(e -> e.is(namespace, localName)).toList();
    }

    /** The first child element with the given namespace and local name. */
    public Optional<XmlElement> child(String namespace, String localName) {
        return elements().stream().filter(e -> e.is(namespace, localName)).findFirst();
    }

    /** The concatenated direct text children (not the text of descendants); {@code ""} when none. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (XmlNode child : children) {
            if (child instanceof XmlText t) {
                text.append(t.text());
            }
        }
        return text.toString();
    }

    /** This element as a standalone XML fragment declaring its own namespace. */
    public String toXml() {
        return XmlWriter.standalone(this);
    }

    /** The XML form of the element (see {@link #toXml()}). */
    @Override
    public String toString() {
        return toXml();
    }

    private static List<XmlNode> normalise(List<XmlNode> nodes) {
        List<XmlNode> result = new ArrayList<>(nodes.size());
        StringBuilder pendingText = new StringBuilder();
        for (XmlNode node : nodes) {
            Objects.requireNonNull(node, "child");
            if (node instanceof XmlText text) {
                pendingText.append(text.text());
            } else {
                flush(pendingText, result);
                result.add(node);
            }
        }
        flush(pendingText, result);
        return Collections.unmodifiableList(result);
    }

    private static void flush(StringBuilder pendingText, List<XmlNode> result) {
        if (pendingText.length() > 0) {
            result.add(new XmlText(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    /** Collects the parts of an {@link XmlElement}; not thread-safe. */
    public static final class Builder {
        private final String namespace;
        private final String localName;
        private final Map<AttributeName, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();

        private Builder(String namespace, String localName) {
            this.namespace = namespace;
            this.localName = localName;
        }

        /** Sets an unqualified attribute, replacing any earlier value. */
        public Builder attribute(String localName, String value) {
            return attribute(AttributeName.of(localName), value);
        }

        /** Sets an attribute, replacing any earlier value. */
        public Builder attribute(AttributeName name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** Appends character data (merged with adjacent text). */
        public Builder text(String text) {
            children.add(new XmlText(text));
            return this;
        }

        /** Appends a child element. */
        public Builder child(XmlElement child) {
            children.add(child);
            return this;
        }

        /** Appends a child node. */
        public Builder node(XmlNode node) {
            children.add(node);
            return this;
        }

        /** The element; the builder may continue to be used. */
        public XmlElement build() {
            return new XmlElement(namespace, localName, attributes, children);
        }
    }
}
