package org.parley.xmpp.stream;

import java.util.Objects;

/**
 * The expanded name of an attribute: namespace URI ({@code ""} for none) and local name. Prefixes are not
 * part of the model; namespace declarations ({@code xmlns}, {@code xmlns:p}) are never attributes.
 *
 * @param namespace namespace URI, {@code ""} for an unqualified attribute
 * @param localName local part, an XML NCName
 */
public record AttributeName(String namespace, String localName) {

    /** {@code xml:lang} (XML 1.0 §2.12), used on streams and stanzas (RFC 6120 §4.7.4, §8.1.5). */
    public static final AttributeName XML_LANG = new AttributeName(XmppNamespaces.XML, "lang");

    /** Validates the name and rejects namespace declarations. */
    public AttributeName {
        Objects.requireNonNull(namespace, "namespace");
        XmlChars.requireNcName(localName, "attribute name");
        if (XmppNamespaces.XMLNS.equals(namespace) || (namespace.isEmpty() && localName.equals("xmlns"))) {
            throw new IllegalArgumentException("namespace declarations are not attributes");
        }
    }

    /** An attribute in no namespace, such as {@code to}, {@code from}, {@code type}. */
    public static AttributeName of(String localName) {
        return new AttributeName("", localName);
    }

    @Override
    public String toString() {
        return namespace.isEmpty() ? localName : "{" + namespace + "}" + localName;
    }
}
