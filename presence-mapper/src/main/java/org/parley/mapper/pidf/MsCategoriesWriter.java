package org.parley.mapper.pidf;

import static org.parley.mapper.pidf.MsCategoriesReader.CATEGORIES_NS;
import static org.parley.mapper.pidf.MsCategoriesReader.NOTE_NS;
import static org.parley.mapper.pidf.MsCategoriesReader.STATE_NS;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link MsCategories} as an {@code application/msrtc-event-categories+xml} body, the {@code <categories>}
 * document a Lync / Skype for Business presence server sends to watchers ([MS-PRES] category subscription NOTIFY):
 * <pre>
 * &lt;categories xmlns="http://schemas.microsoft.com/2006/09/sip/categories" uri="sip:alice@jabber.test"&gt;
 *   &lt;category name="state" instance="0"&gt;
 *     &lt;state xmlns="…/sip/state" xmlns:xsi="…" xsi:type="aggregateState"&gt;
 *       &lt;availability&gt;3500&lt;/availability&gt;…
 *   &lt;category name="note" instance="0"&gt;
 *     &lt;note xmlns="…/sip/note"&gt;&lt;body type="personal" uri=""&gt;Out to lunch&lt;/body&gt;…
 * &lt;/categories&gt;
 * </pre>
 * The {@code state} category is written when there is an availability, the {@code note} category when there is a
 * note. No {@code publishTime}, container or version: those belong to the server's own publication store.
 * {@link MsCategoriesReader} reads the result back to the same record. Stateless and thread-safe.
 */
public final class MsCategoriesWriter {

    /** Writes {@code categories} as a UTF-8 XML document with declaration. */
    public String write(MsCategories categories) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(CATEGORIES_NS);
            xml.writeStartElement(CATEGORIES_NS, "categories");
            xml.writeDefaultNamespace(CATEGORIES_NS);
            xml.writeAttribute("uri", categories.uri());
            if (categories.availability().isPresent()) {
                category(xml, "state");
                xml.writeStartElement("", "state", STATE_NS);
                xml.writeDefaultNamespace(STATE_NS);
                xml.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
                xml.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type", "aggregateState");
                xml.writeStartElement("", "availability", STATE_NS);
                xml.writeCharacters(Long.toString(categories.availability().getAsLong()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            if (categories.note().isPresent()) {
                category(xml, "note");
                xml.writeStartElement("", "note", NOTE_NS);
                xml.writeDefaultNamespace(NOTE_NS);
                xml.writeStartElement("", "body", NOTE_NS);
                xml.writeAttribute("type", "personal");
                xml.writeAttribute("uri", "");
                xml.writeCharacters(categories.note().get());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing enhanced presence to memory failed", e);
        }
        return out.toString();
    }

    private static void category(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement(CATEGORIES_NS, "category");
        xml.writeAttribute("name", name);
        xml.writeAttribute("instance", "0");
    }
}
