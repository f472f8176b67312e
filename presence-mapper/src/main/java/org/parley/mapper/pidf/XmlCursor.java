package org.parley.mapper.pidf;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only cursor over an untrusted XML body, on the JDK's own StAX parser
 * ({@link XMLInputFactory#newDefaultFactory()}, so a StAX implementation elsewhere on the class path is never
 * picked up) with DTD support, external entities and external DTD access switched off. A document type
 * declaration or an entity reference is refused outright: presence bodies never need them, and refusing them
 * closes XXE and entity-expansion ("billion laughs") attacks. Comments and processing instructions are skipped.
 *
 * <p>Every problem is thrown as {@link XmlProblem}; readers catch it once and turn it into a rejection.
 */
final class XmlCursor implements AutoCloseable {

    private static final String XML_NS = XMLConstants.XML_NS_URI;

    private final XMLStreamReader reader;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    /** Opens a cursor on {@code body}; the parser detects the encoding from the BOM or XML declaration. */
    static XmlCursor open(byte[] body) throws XmlProblem {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return new XmlCursor(factory.createXMLStreamReader(new ByteArrayInputStream(body)));
        } catch (XMLStreamException e) {
            throw XmlProblem.of(e);
        }
    }

    /**
     * Moves to the next start or end tag, skipping text, comments and processing instructions.
     *
     * @return {@code true} at a start tag, {@code false} at an end tag
     * @throws XmlProblem at end of document, on a DTD or an entity reference, or when the XML is not well-formed
     */
    boolean nextTag() throws XmlProblem {
        while (true) {
            switch (next()) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.END_DOCUMENT:
                    throw problem("unexpected end of document");
                default:
                    break;
            }
        }
    }

    /** The namespace and local name of the current tag. */
    QName name() {
        return new QName(nullToEmpty(reader.getNamespaceURI()), reader.getLocalName());
    }

    /** The value of the unqualified attribute {@code localName} of the current start tag. */
    Optional<String> attribute(String localName) {
        return Optional.ofNullable(reader.getAttributeValue(null, localName));
    }

    /** The value of the attribute {@code localName} in {@code namespace} of the current start tag. */
    Optional<String> attribute(String namespace, String localName) {
        return Optional.ofNullable(reader.getAttributeValue(namespace, localName));
    }

    /** The {@code xml:lang} attribute of the current start tag. */
    Optional<String> lang() {
        return Optional.ofNullable(reader.getAttributeValue(XML_NS, "lang"));
    }

    /**
     * The character data of the current element up to its end tag, with the text of any child elements ignored;
     * leaves the cursor on the end tag.
     */
    String text() throws XmlProblem {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (depth == 0) {
                    text.append(reader.getText());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return text.toString();
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw problem("unexpected end of document");
            }
        }
    }

    /** Skips the current element with everything in it; leaves the cursor on its end tag. */
    void skipElement() throws XmlProblem {
        int depth = 0;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return;
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw problem("unexpected end of document");
            }
        }
    }

    /** Requires that nothing but comments, processing instructions and whitespace follow the root element. */
    void requireEnd() throws XmlProblem {
        while (reader.getEventType() != XMLStreamConstants.END_DOCUMENT) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw problem("content after the root element");
            }
        }
    }

    /** A problem at the current position. */
    XmlProblem problem(String what) {
        Location location = reader.getLocation();
        return new XmlProblem(what + " at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing a reader over a byte array releases nothing that could fail.
        }
    }

    private int next() throws XmlProblem {
        int event;
        try {
            event = reader.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw XmlProblem.of(e);
        }
        if (event == XMLStreamConstants.DTD) {
            throw problem("document type declarations are not allowed");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw problem("entity references are not allowed");
        }
        return event;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
