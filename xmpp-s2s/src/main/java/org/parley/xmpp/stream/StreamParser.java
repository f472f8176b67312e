package org.parley.xmpp.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import io.netty.buffer.ByteBuf;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * One XMPP stream, from its first byte to its close or first error (RFC 6120 §4): feeds bytes to Aalto's
 * non-blocking parser in bounded chunks and turns its events into {@link StreamEvent}s.
 *
 * <p>Each chunk is first checked for UTF-8 and XML characters ({@link Utf8Validator}) and for restricted
 * XML ({@link RestrictedXmlScanner}); only the bytes before a violation reach the parser. Size limits
 * (RFC 6120 §13.12) apply to "units": the header (up to the end of the stream open tag), each depth-1
 * element, and each stretch between depth-1 elements. Chunks are cut so that no more than one byte beyond
 * a unit's limit is ever fed, so an oversized stanza fails at exactly its limit, long before it is
 * complete. A parser is used for one stream only; {@link XmppStreamDecoder#reset()} replaces it.
 */
final class StreamParser {

    private enum State { AWAITING_STREAM_OPEN, IN_STREAM, CLOSED, FAILED }

    private static final int CHUNK_BYTES = 4096;
    private static final int MAX_ERROR_TEXT = 200;

    private final StreamLimits limits;
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private final ElementAssembler assembler;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final RestrictedXmlScanner restrictedXml = new RestrictedXmlScanner();
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private Consumer<StreamEvent> sink = event -> { };
    private State state = State.AWAITING_STREAM_OPEN;
    private long fed;
    private long unitStart;
    private boolean abandoned;

    StreamParser(AsyncXMLInputFactory factory, StreamLimits limits) {
        this.limits = limits;
        this.reader = factory.createAsyncForByteArray();
        this.assembler = new ElementAssembler(limits);
    }

    /**
     * Consumes all readable bytes of {@code in}, passing events to {@code sink} as soon as each is complete.
     * Bytes after a failure, or after {@link #abandon()} (possibly called from within {@code sink}), are
     * discarded.
     */
    void parse(ByteBuf in, Consumer<StreamEvent> sink) {
        this.sink = sink;
        while (in.isReadable() && active()) {
            long budget = unitLimit() - (fed - unitStart);
            int length = (int) Math.min(Math.min(in.readableBytes(), CHUNK_BYTES), budget + 1);
            in.readBytes(chunk, 0, length);
            feed(length);
        }
        in.skipBytes(in.readableBytes());
    }

    /** Stops this parser for good: later input is discarded and no further events are produced. */
    void abandon() {
        abandoned = true;
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // closing an in-memory parser releases buffers only; nothing to report
        }
    }

    private boolean active() {
        return !abandoned && state != State.FAILED;
    }

    private long unitLimit() {
        return state == State.AWAITING_STREAM_OPEN ? limits.maxHeaderBytes() : limits.maxStanzaBytes();
    }

    private void feed(int length) {
        int invalidAt = utf8.scan(chunk, 0, length);
        int restrictedAt = restrictedXml.scan(chunk, 0, invalidAt < 0 ? length : invalidAt);
        StreamError pending = null;
        int usable = length;
        if (restrictedAt >= 0) {
            usable = restrictedAt;
            pending = new StreamError(StreamErrorCondition.RESTRICTED_XML,
                    "comments, processing instructions, DTDs and entity references are not allowed");
        } else if (invalidAt >= 0) {
            usable = invalidAt;
            pending = new StreamError(StreamErrorCondition.NOT_WELL_FORMED,
                    "invalid UTF-8 or a character not allowed in XML at byte " + (fed + invalidAt));
        }
        if (usable > 0) {
            parseChunk(usable);
        }
        if (!active()) {
            return;
        }
        if (pending != null) {
            fail(pending);
        } else if (fed - unitStart > unitLimit()) {
            fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, state == State.AWAITING_STREAM_OPEN
                    ? "stream header exceeds " + limits.maxHeaderBytes() + " bytes"
                    : "stanza exceeds " + limits.maxStanzaBytes() + " bytes"));
        }
    }

    private void parseChunk(int length) {
        try {
            reader.getInputFeeder().feedInput(chunk, 0, length);
            fed += length;
            while (active()) {
                int token = reader.next();
                if (token == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                    return;
                }
                handle(token).ifPresent(this::fail);
            }
        } catch (XMLStreamException e) {
            fail(fromParserException(e));
        } catch (IllegalArgumentException e) {
            // the XML model refused what the parser let through; the checks above should make this unreachable
            fail(new StreamError(StreamErrorCondition.NOT_WELL_FORMED, "content not representable as XML 1.0"));
        }
    }

    private Optional<StreamError> handle(int token) throws XMLStreamException {
        switch (token) {
            case XMLStreamConstants.START_DOCUMENT:
                return checkXmlDeclaration();
            case XMLStreamConstants.START_ELEMENT:
                return reader.getDepth() == 1 ? openStream() : assembler.start(reader);
            case XMLStreamConstants.END_ELEMENT:
                return reader.getDepth() == 1 ? closeStream() : endElement();
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
                return characters();
            case XMLStreamConstants.COMMENT:
            case XMLStreamConstants.PROCESSING_INSTRUCTION:
            case XMLStreamConstants.DTD:
            case XMLStreamConstants.ENTITY_REFERENCE:
            case XMLStreamConstants.ENTITY_DECLARATION:
            case XMLStreamConstants.NOTATION_DECLARATION:
                return Optional.of(new StreamError(StreamErrorCondition.RESTRICTED_XML, "restricted XML"));
            default:
                return Optional.empty();
        }
    }

    private Optional<StreamError> checkXmlDeclaration() {
        String encoding = reader.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            return Optional.of(new StreamError(StreamErrorCondition.UNSUPPORTED_ENCODING,
                    "streams must be encoded in UTF-8 (RFC 6120 §11.6)"));
        }
        String version = reader.getVersion();
        if (version != null && !version.equals("1.0")) {
            return Optional.of(new StreamError(StreamErrorCondition.BAD_FORMAT, "only XML 1.0 is supported"));
        }
        return Optional.empty();
    }

    private Optional<StreamError> openStream() throws XMLStreamException {
        if (!XmppNamespaces.STREAMS.equals(reader.getNamespaceURI())) {
            return Optional.of(new StreamError(StreamErrorCondition.INVALID_NAMESPACE,
                    "the stream element must be qualified by " + XmppNamespaces.STREAMS + " (RFC 6120 §4.8.1)"));
        }
        if (!reader.getLocalName().equals("stream")) {
            return Optional.of(new StreamError(StreamErrorCondition.BAD_FORMAT, "expected <stream:stream>"));
        }
        Optional<StreamError> tagError = assembler.checkStartTag(reader);
        if (tagError.isPresent()) {
            return tagError;
        }
        StreamHeader header = StreamHeaderReader.read(reader);
        state = State.IN_STREAM;
        unitStart = endOffset();
        sink.accept(new StreamEvent.StreamOpened(header));
        return Optional.empty();
    }

    private Optional<StreamError> closeStream() throws XMLStreamException {
        state = State.CLOSED;
        unitStart = endOffset();
        sink.accept(new StreamEvent.StreamClosed());
        return Optional.empty();
    }

    private Optional<StreamError> endElement() throws XMLStreamException {
        Optional<XmlElement> finished = assembler.end();
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        long end = endOffset();
        if (end - unitStart > limits.maxStanzaBytes()) {
            return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    "stanza exceeds " + limits.maxStanzaBytes() + " bytes"));
        }
        unitStart = end;
        sink.accept(new StreamEvent.StanzaReceived(finished.get()));
        return Optional.empty();
    }

    private Optional<StreamError> characters() throws XMLStreamException {
        if (assembler.isOpen()) {
            assembler.text(reader.getText());
            return Optional.empty();
        }
        if (state == State.IN_STREAM) {
            if (!isXmlWhitespace(reader.getText())) {
                return Optional.of(new StreamError(StreamErrorCondition.BAD_FORMAT,
                        "character data between stanzas (only whitespace is allowed, RFC 6120 §4.6.1)"));
            }
            unitStart = endOffset();
        }
        return Optional.empty();
    }

    private static boolean isXmlWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private long endOffset() throws XMLStreamException {
        return reader.getLocationInfo().getEndingByteOffset();
    }

    private void fail(StreamError error) {
        state = State.FAILED;
        sink.accept(new StreamEvent.StreamFailed(error));
    }

    private static StreamError fromParserException(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        StreamErrorCondition condition = message.startsWith("Unsupported encoding")
                ? StreamErrorCondition.UNSUPPORTED_ENCODING
                : StreamErrorCondition.NOT_WELL_FORMED;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < message.length() && text.length() < MAX_ERROR_TEXT; i++) {
            char c = message.charAt(i);
            text.append(c >= 0x20 && c < 0x7F ? c : ' ');
        }
        return new StreamError(condition, text.toString().strip());
    }
}
