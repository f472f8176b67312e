package org.parley.gateway.route;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.parley.xmpp.stream.AttributeName;
import org.parley.xmpp.stream.XmlElement;

/**
 * Parses the serialized XHTML-IM {@code <body/>} the mapper produces (XEP-0071 §7) into the s2s element model, so
 * it can travel inside a stanza. The JDK's StAX parser with DTDs and external entities off; a fragment that is not
 * one well-formed element gives empty.
 */
final class XhtmlFragment {

    private static final XMLInputFactory FACTORY = factory();

    private XhtmlFragment() {
    }

    /** The element serialized in {@code xml}, or empty when it is not a single well-formed element. */
    static Optional<XmlElement> parse(String xml) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                return Optional.ofNullable(read(reader));
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
        Deque<XmlElement.Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (root != null) {
                    return null;
                }
                open.push(start(reader));
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlElement done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().child(done);
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) && !open.isEmpty()) {
                open.peek().text(reader.getText());
            }
        }
        return root;
    }

    private static XmlElement.Builder start(XMLStreamReader reader) {
        String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        XmlElement.Builder element = XmlElement.builder(ns, reader.getLocalName());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String attributeNs = reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i);
            element.attribute(new AttributeName(attributeNs, reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return element;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
