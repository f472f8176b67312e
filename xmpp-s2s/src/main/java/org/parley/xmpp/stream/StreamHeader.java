package org.parley.xmpp.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes and namespace declarations of a {@code <stream:stream>} open tag (RFC 6120 §4.2, §4.7,
 * §4.8). Decoded headers arrive as {@link StreamEvent.StreamOpened}; headers to send are written by
 * {@link XmppStreamEncoder}. Absent attributes are {@code null}; nothing here is checked against policy
 * (addresses, version and content namespace are the session's business, RFC 6120 §4.7, §4.9.3).
 *
 * @param to               the {@code to} attribute (RFC 6120 §4.7.2), or {@code null}
 * @param from             the {@code from} attribute (RFC 6120 §4.7.1), or {@code null}
 * @param id               the {@code id} attribute (RFC 6120 §4.7.3), or {@code null}
 * @param version          the {@code version} attribute (RFC 6120 §4.7.5), or {@code null}
 * @param lang             the {@code xml:lang} attribute (RFC 6120 §4.7.4), or {@code null}
 * @param contentNamespace the default namespace declared on the header, e.g. {@code jabber:server}
 *                         (RFC 6120 §4.8.2); {@code ""} when none is declared
 * @param namespaces       prefixed namespace declarations, prefix to URI, in document order, e.g.
 *                         {@code stream} and {@code db} (XEP-0220 §2.1); unmodifiable
 */
public record StreamHeader(String to, String from, String id, String version, String lang,
                           String contentNamespace, Map<String, String> namespaces) {

    /** Checks characters and prefixes and copies the declarations. */
    public StreamHeader {
        for (String value : new String[] {to, from, id, version, lang}) {
            if (value != null) {
                XmlChars.requireXmlText(value, "stream header attribute");
            }
        }
        XmlChars.requireXmlText(Objects.requireNonNull(contentNamespace, "contentNamespace"), "content namespace");
        Map<String, String> copy = new LinkedHashMap<>();
        namespaces.forEach((prefix, uri) -> {
            XmlChars.requireNcName(prefix, "namespace prefix");
            if (prefix.equals("xml") || prefix.equals("xmlns") || uri.isEmpty()) {
                throw new IllegalArgumentException("cannot declare prefix '" + prefix + "' as '" + uri + "'");
            }
            copy.put(prefix, XmlChars.requireXmlText(uri, "namespace URI"));
        });
        namespaces = Collections.unmodifiableMap(copy);
    }

    /**
     * A server-to-server header with {@code version='1.0'}, content namespace {@code jabber:server} and the
     * {@code stream} and {@code db} prefixes declared (RFC 6120 §4.7, XEP-0220 §2.1).
     *
     * @param to   the peer's domain, or {@code null}
     * @param from our domain, or {@code null}
     * @param id   the stream id (only the receiving entity sets one, RFC 6120 §4.7.3), or {@code null}
     */
    public static StreamHeader server(String to, String from, String id) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("stream", XmppNamespaces.STREAMS);
        namespaces.put("db", XmppNamespaces.DIALBACK);
        return new StreamHeader(to, from, id, "1.0", null, XmppNamespaces.SERVER, namespaces);
    }

    /** The same header with {@code xml:lang} set (RFC 6120 §4.7.4). */
    public StreamHeader withLang(String lang) {
        return new StreamHeader(to, from, id, version, lang, contentNamespace, namespaces);
    }

    /** The namespace bound to {@code prefix} on the header. */
    public Optional<String> namespace(String prefix) {
        return Optional.ofNullable(namespaces.get(prefix));
    }
}
