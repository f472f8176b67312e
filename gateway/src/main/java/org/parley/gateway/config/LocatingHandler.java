package org.parley.gateway.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.ext.Locator2;

/**
 * Sits between the XML parser and the schema validator: builds the located {@link XmlElement} tree and passes
 * every event on to the validator. Because it sees each event first, it knows which element a validation error
 * that arrives during that event is about ({@link #current()}).
 */
final class LocatingHandler implements ContentHandler {

    private final byte[] source;
    private final ContentHandler validator;
    private final Deque<Builder> open = new ArrayDeque<>();
    private Locator locator;
    private SourceText text;
    private XmlElement root;

    LocatingHandler(byte[] source, ContentHandler validator) {
        this.source = source;
        this.validator = validator;
    }

    /** The innermost element being read, if any. */
    Optional<OpenElement> current() {
        Builder top = open.peek();
        return top == null ? Optional.empty() : Optional.of(top.element);
    }

    /** The root element, once the document has been read to its end. */
    Optional<XmlElement> root() {
        return Optional.ofNullable(root);
    }

    @Override
    public void setDocumentLocator(Locator documentLocator) {
        this.locator = documentLocator;
        validator.setDocumentLocator(documentLocator);
    }

    @Override
    public void startDocument() throws SAXException {
        validator.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        validator.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        validator.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        SourceText.StartTag tag = sourceText().startTagEndingAt(locator.getLineNumber(), locator.getColumnNumber());
        List<String> path = new ArrayList<>(open.isEmpty() ? List.of() : open.peek().element.path());
        path.add(localName);
        Map<String, XmlAttribute> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.getURI(i).isEmpty()) {
                String name = attributes.getLocalName(i);
                values.put(name, new XmlAttribute(name, attributes.getValue(i), tag.attributes().getOrDefault(name, tag.start())));
            }
        }
        open.push(new Builder(new OpenElement(uri, List.copyOf(path), tag), values));
        validator.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        validator.endElement(uri, localName, qName);
        Builder done = open.pop();
        XmlElement element = done.build();
        if (open.isEmpty()) {
            root = element;
        } else {
            open.peek().children.add(element);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (!open.isEmpty()) {
            open.peek().text.append(ch, start, length);
        }
        validator.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        validator.skippedEntity(name);
    }

    private SourceText sourceText() {
        if (text == null) {
            String encoding = locator instanceof Locator2 located ? located.getEncoding() : null;
            text = SourceText.decode(source, encoding);
        }
        return text;
    }

    private static final class Builder {
        final OpenElement element;
        final Map<String, XmlAttribute> attributes;
        final List<XmlElement> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(OpenElement element, Map<String, XmlAttribute> attributes) {
            this.element = element;
            this.attributes = attributes;
        }

        XmlElement build() {
            return new XmlElement(element.name(), element.tag().start(), attributes, children, text.toString());
        }
    }
}
