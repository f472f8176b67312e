package org.parley.mapper.pidf;

import static org.parley.mapper.pidf.PidfNames.DATA_MODEL;
import static org.parley.mapper.pidf.PidfNames.JABBER_CLIENT;
import static org.parley.mapper.pidf.PidfNames.PIDF;
import static org.parley.mapper.pidf.PidfNames.RPID;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link PidfDocument} as an {@code application/pidf+xml} body (RFC 3863 §4.1) in the element order of
 * the RFC 3863 schema: tuples (status with basic and the RFC 8048 §6.2 {@code <show xmlns='jabber:client'>},
 * contact, notes, timestamp), document notes, then RFC 4479 persons with RPID activities (RFC 4480 §3.2). Text and
 * attributes are escaped by the JDK's StAX writer. Stateless and thread-safe.
 */
public final class PidfWriter {

    /** Writes {@code document} as a UTF-8 XML document with declaration. */
    public String write(PidfDocument document) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(PIDF);
            xml.writeStartElement(PIDF, "presence");
            xml.writeDefaultNamespace(PIDF);
            if (!document.persons().isEmpty()) {
                xml.setPrefix("dm", DATA_MODEL);
                xml.writeNamespace("dm", DATA_MODEL);
                xml.setPrefix("rpid", RPID);
                xml.writeNamespace("rpid", RPID);
            }
            xml.writeAttribute("entity", document.entity());
            for (PidfTuple tuple : document.tuples()) {
                tuple(xml, tuple);
            }
            notes(xml, PIDF, document.notes());
            for (PidfPerson person : document.persons()) {
                person(xml, person);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing PIDF to memory failed", e);
        }
        return out.toString();
    }

    private static void tuple(XMLStreamWriter xml, PidfTuple tuple) throws XMLStreamException {
        xml.writeStartElement(PIDF, "tuple");
        xml.writeAttribute("id", tuple.id());
        xml.writeStartElement(PIDF, "status");
        if (tuple.basic().isPresent()) {
            textElement(xml, PIDF, "basic", tuple.basic().get().wire());
        }
        if (tuple.show().isPresent()) {
            xml.writeStartElement("", "show", JABBER_CLIENT);
            xml.writeDefaultNamespace(JABBER_CLIENT);
            xml.writeCharacters(tuple.show().get().wire());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        if (tuple.contact().isPresent()) {
            PidfContact contact = tuple.contact().get();
            xml.writeStartElement(PIDF, "contact");
            if (contact.priority().isPresent()) {
                xml.writeAttribute("priority", contact.priority().get().stripTrailingZeros().toPlainString());
            }
            xml.writeCharacters(contact.uri());
            xml.writeEndElement();
        }
        notes(xml, PIDF, tuple.notes());
        timestamp(xml, PIDF, tuple.timestamp());
        xml.writeEndElement();
    }

    private static void person(XMLStreamWriter xml, PidfPerson person) throws XMLStreamException {
        xml.writeStartElement(DATA_MODEL, "person");
        xml.writeAttribute("id", person.id());
        if (!person.activities().isEmpty()) {
            xml.writeStartElement(RPID, "activities");
            for (Activity activity : person.activities()) {
                xml.writeEmptyElement(RPID, activity.elementName());
            }
            xml.writeEndElement();
        }
        notes(xml, DATA_MODEL, person.notes());
        timestamp(xml, DATA_MODEL, person.timestamp());
        xml.writeEndElement();
    }

    private static void notes(XMLStreamWriter xml, String namespace, List<PidfNote> notes)
            throws XMLStreamException {
        for (PidfNote note : notes) {
            xml.writeStartElement(namespace, "note");
            if (note.lang().isPresent()) {
                xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", note.lang().get());
            }
            xml.writeCharacters(note.text());
            xml.writeEndElement();
        }
    }

    private static void timestamp(XMLStreamWriter xml, String namespace, Optional<Instant> timestamp)
            throws XMLStreamException {
        if (timestamp.isPresent()) {
            textElement(xml, namespace, "timestamp", timestamp.get().toString());
        }
    }

    private static void textElement(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
