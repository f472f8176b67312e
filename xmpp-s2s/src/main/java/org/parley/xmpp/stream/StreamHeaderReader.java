package org.parley.xmpp.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/** Reads a {@link StreamHeader} from a parser positioned on the {@code <stream:stream>} start tag (RFC 6120 §4.7). */
final class StreamHeaderReader {

    private StreamHeaderReader() {
    }

    static StreamHeader read(XMLStreamReader reader) {
        String contentNamespace = "";
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i);
            if (prefix == null || prefix.isEmpty()) {
                contentNamespace = uri;
            } else if (!prefix.equals("xml")) {
                namespaces.put(prefix, uri);
            }
        }
        return new StreamHeader(attribute(reader, "", "to"), attribute(reader, "", "from"),
                attribute(reader, "", "id"), attribute(reader, "", "version"),
                attribute(reader, XmppNamespaces.XML, "lang"), contentNamespace, namespaces);
    }

    private static String attribute(XMLStreamReader reader, String namespace, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNamespace = reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i);
            if (attributeNamespace.equals(namespace) && reader.getAttributeLocalName(i).equals(localName)) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }
}
