package org.parley.xmpp.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serialises the prefix-free {@link XmlElement} model as XML 1.0 text (RFC 6120 §11). Elements reuse the
 * prefixes and default namespace in scope (for instance {@code stream:} and {@code db:} from the stream
 * header, XEP-0220 §2.1) and declare a default namespace where none fits; namespaced attributes get a
 * generated prefix when none is in scope. Text escapes {@code & < >} and CR; attribute values are written
 * in single quotes and also escape quotes, TAB, LF and CR so that attribute-value normalisation (XML 1.0
 * §3.3.3) and line-end handling (§2.11) give back the same characters.
 */
final class XmlWriter {

    private final StringBuilder out;

    XmlWriter(StringBuilder out) {
        this.out = out;
    }

    /** {@code element} as a fragment that declares whatever namespace it needs. */
    static String standalone(XmlElement element) {
        StringBuilder out = new StringBuilder();
        new XmlWriter(out).element(element, Scope.EMPTY);
        return out.toString();
    }

    /**
     * Writes the XML declaration and the {@code <stream:stream>} open tag (RFC 6120 §4.2, §4.7, §4.8).
     *
     * @return the namespace scope inside the stream, for writing its children
     */
    Scope streamOpen(StreamHeader header) {
        String streamsPrefix = header.namespace("stream").orElse(XmppNamespaces.STREAMS);
        if (!streamsPrefix.equals(XmppNamespaces.STREAMS)) {
            throw new IllegalArgumentException("the 'stream' prefix must be bound to " + XmppNamespaces.STREAMS);
        }
        out.append("<?xml version='1.0'?><stream:stream");
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("stream", XmppNamespaces.STREAMS);
        declaration("xmlns", header.contentNamespace());
        declaration("xmlns:stream", XmppNamespaces.STREAMS);
        header.namespaces().forEach((prefix, uri) -> {
            if (!prefix.equals("stream")) {
                declaration("xmlns:" + prefix, uri);
                prefixes.put(prefix, uri);
            }
        });
        optionalAttribute("to", header.to());
        optionalAttribute("from", header.from());
        optionalAttribute("id", header.id());
        optionalAttribute("version", header.version());
        optionalAttribute("xml:lang", header.lang());
        out.append('>');
        return new Scope(header.contentNamespace(), prefixes);
    }

    /** Writes {@code </stream:stream>} (RFC 6120 §4.4). */
    void streamClose() {
        out.append("</stream:stream>");
    }

    /** Writes {@code element} and its subtree, given the namespaces in scope where it appears. */
    void element(XmlElement element, Scope scope) {
        Scope inner = scope;
        StringBuilder declarations = new StringBuilder();
        String qualifiedName = element.localName();
        if (!element.namespace().equals(scope.defaultNamespace())) {
            String prefix = scope.prefixFor(element.namespace());
            if (prefix != null) {
                qualifiedName = prefix + ":" + element.localName();
            } else {
                inner = inner.withDefault(element.namespace());
                declarations.append(" xmlns='").append(escapeAttribute(element.namespace())).append('\'');
            }
        }
        StringBuilder attributes = new StringBuilder();
        for (Map.Entry<AttributeName, String> attribute : element.attributes().entrySet()) {
            AttributeName name = attribute.getKey();
            String prefix = "";
            if (name.namespace().equals(XmppNamespaces.XML)) {
                prefix = "xml:";
            } else if (!name.namespace().isEmpty()) {
                String bound = inner.prefixFor(name.namespace());
                if (bound == null) {
                    bound = inner.freshPrefix();
                    inner = inner.withPrefix(bound, name.namespace());
                    declarations.append(" xmlns:").append(bound).append("='")
                            .append(escapeAttribute(name.namespace())).append('\'');
                }
                prefix = bound + ":";
            }
            attributes.append(' ').append(prefix).append(name.localName()).append("='")
                    .append(escapeAttribute(attribute.getValue())).append('\'');
        }
        out.append('<').append(qualifiedName).append(declarations).append(attributes);
        if (element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement childElement) {
                element(childElement, inner);
            } else if (child instanceof XmlText text) {
                out.append(escapeText(text.text()));
            }
        }
        out.append("</").append(qualifiedName).append('>');
    }

    private void declaration(String name, String uri) {
        out.append(' ').append(name).append("='").append(escapeAttribute(uri)).append('\'');
    }

    private void optionalAttribute(String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("='").append(escapeAttribute(value)).append('\'');
        }
    }

    /** Escapes character data (XML 1.0 §2.4); CR as a reference so it survives line-end handling. */
    static String escapeText(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#13;";
                default -> null;
            };
            escaped = append(escaped, text, i, c, replacement);
        }
        return escaped == null ? text : escaped.toString();
    }

    /** Escapes an attribute value for single or double quotes, keeping TAB, LF and CR intact. */
    static String escapeAttribute(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                case '\t' -> "&#9;";
                case '\n' -> "&#10;";
                case '\r' -> "&#13;";
                default -> null;
            };
            escaped = append(escaped, value, i, c, replacement);
        }
        return escaped == null ? value : escaped.toString();
    }

    private static StringBuilder append(StringBuilder escaped, String source, int index, char c, String replacement) {
        if (replacement == null) {
            if (escaped != null) {
                escaped.append(c);
            }
            return escaped;
        }
        StringBuilder result = escaped;
        if (result == null) {
            result = new StringBuilder(source.length() + 16).append(source, 0, index);
        }
        return result.append(replacement);
    }

    /**
     * Namespaces in scope while writing: the default namespace and prefix bindings (prefix to URI, in
     * declaration order, so the first prefix bound to a namespace is the one used).
     */
    record Scope(String defaultNamespace, Map<String, String> prefixes) {

        static final Scope EMPTY = new Scope("", Map.of());

        Scope {
            prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
        }

        String prefixFor(String namespace) {
            for (Map.Entry<String, String> binding : prefixes.entrySet()) {
                if (binding.getValue().equals(namespace)) {
                    return binding.getKey();
                }
            }
            return null;
        }

        Scope withDefault(String namespace) {
            return new Scope(namespace, prefixes);
        }

        Scope withPrefix(String prefix, String namespace) {
            Map<String, String> bindings = new LinkedHashMap<>(prefixes);
            bindings.put(prefix, namespace);
            return new Scope(defaultNamespace, bindings);
        }

        String freshPrefix() {
            int n = 0;
            while (prefixes.containsKey("ns" + n)) {
                n++;
            }
            return "ns" + n;
        }
    }
}
