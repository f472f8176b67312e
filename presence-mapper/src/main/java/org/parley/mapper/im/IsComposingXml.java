package org.parley.mapper.im;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * Writes and reads RFC 3994 §4 isComposing documents ({@code urn:ietf:params:xml:ns:im-iscomposing}).
 *
 * <p>Reading uses the JDK's StAX parser with DTDs and external entities disabled; a document type declaration or
 * an entity reference is refused. Elements of other namespaces are skipped (the schema's {@code ##other}
 * extension point); unknown elements of this namespace, a missing or unknown {@code <state/>} and a
 * {@code <refresh/>} that is not a positive integer are refused as bad-request / 400. {@code <lastactive/>} is
 * read past and not used.
 */
public final class IsComposingXml {

    /** {@code urn:ietf:params:xml:ns:im-iscomposing}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:im-iscomposing";

    private IsComposingXml() {
    }

    /** The UTF-8 document for {@code indication}, elements in schema order. */
    public static byte[] write(IsComposing indication) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<isComposing xmlns=\"").append(NAMESPACE).append("\">\n")
                .append("  <state>").append(indication.state().xmlValue()).append("</state>\n");
        indication.contentType().ifPresent(type ->
                xml.append("  <contenttype>").append(XmlChars.escape(type)).append("</contenttype>\n"));
        indication.refresh().ifPresent(refresh ->
                xml.append("  <refresh>").append(refresh.toSeconds()).append("</refresh>\n"));
        xml.append("</isComposing>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses {@code document}; a rejection (bad-request / 400) says what is wrong with it. */
    public static MappingResult<IsComposing> read(byte[] document) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                return readRoot(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return bad("not well-formed XML: " + e.getMessage());
        }
    }

    private static MappingResult<IsComposing> readRoot(XMLStreamReader reader) throws XMLStreamException {
        int event = nextTag(reader);
        if (event != XMLStreamConstants.START_ELEMENT || !isOurs(reader, "isComposing")) {
            return bad("root element is not {" + NAMESPACE + "}isComposing");
        }
        Optional<String> state = Optional.empty();
        Optional<String> refresh = Optional.empty();
        Optional<String> contentType = Optional.empty();
        while ((event = nextTag(reader)) == XMLStreamConstants.START_ELEMENT) {
            if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                skipElement(reader);
                continue;
            }
            String name = reader.getLocalName();
            switch (name) {
                case "state" -> state = Optional.of(reader.getElementText().strip());
                case "refresh" -> refresh = Optional.of(reader.getElementText().strip());
                case "contenttype" -> contentType = Optional.of(reader.getElementText().strip());
                case "lastactive" -> reader.getElementText();
                default -> {
                    return bad("unknown element <" + name + "/>");
                }
            }
        }
        return toIndication(state, refresh, contentType);
    }

    private static MappingResult<IsComposing> toIndication(Optional<String> state, Optional<String> refresh,
                                                           Optional<String> contentType) {
        if (state.isEmpty()) {
            return bad("no <state/>");
        }
        IsComposing.State parsed;
        if (state.get().equals("active")) {
            parsed = IsComposing.State.ACTIVE;
        } else if (state.get().equals("idle")) {
            parsed = IsComposing.State.IDLE;
        } else {
            return bad("unknown state '" + state.get() + "'");
        }
        Optional<Duration> interval = Optional.empty();
        if (refresh.isPresent() && parsed == IsComposing.State.ACTIVE) {
            if (!refresh.get().matches("[0-9]{1,9}") || Long.parseLong(refresh.get()) < 1) {
                return bad("refresh is not a positive integer: '" + refresh.get() + "'");
            }
            interval = Optional.of(Duration.ofSeconds(Long.parseLong(refresh.get())));
        }
        return MappingResult.mapped(new IsComposing(parsed, interval, contentType.filter(t -> !t.isEmpty())));
    }

    /** The next start or end tag, refusing DTDs and entity references on the way. */
    private static int nextTag(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT:
                    return event;
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE:
                    throw new XMLStreamException("document type declarations and entities are not accepted");
                default:
                    break;
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = nextTag(reader);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else {
                throw new XMLStreamException("unexpected end of document");
            }
        }
    }

    private static boolean isOurs(XMLStreamReader reader, String localName) {
        return NAMESPACE.equals(reader.getNamespaceURI()) && localName.equals(reader.getLocalName());
    }

    private static <T> MappingResult<T> bad(String why) {
        return MappingResult.rejected(new Rejection(StanzaErrorCondition.BAD_REQUEST, 400,
                "isComposing document: " + why));
    }
}
