package org.parley.sip.transaction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;

/** Copies stack messages into this module's immutable records, so no stack object leaves the stack's side. */
public final class MessageCopy {

    private static final Pattern URI_PARAMETERS = Pattern.compile("[;?].*", Pattern.DOTALL);

    private MessageCopy() {
    }

    public static InboundRequest request(Request request) {
        return new InboundRequest(request.getMethod(), request.getRequestURI().toString(),
                uri(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress()),
                uri(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress()),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(), headers(request), body(request));
    }

    /** The Call-ID of a message. */
    public static String callId(Message message) {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** Every header field in order, as name and value. */
    public static List<SipHeader> headers(Message message) {
        List<SipHeader> headers = new ArrayList<>();
        for (Iterator<?> names = message.getHeaderNames(); names.hasNext(); ) {
            String name = (String) names.next();
            for (ListIterator<?> values = message.getHeaders(name); values.hasNext(); ) {
                headers.add(new SipHeader(name, value((Header) values.next())));
            }
        }
        return headers;
    }

    /** The body with its Content-Type, if the message has content. */
    public static Optional<SipBody> body(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return Optional.of(new SipBody(type == null ? "application/octet-stream" : value(type), raw));
    }

    /** A header's value: its wire form without the name and the line end. */
    public static String value(Header header) {
        String text = header.toString().strip();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).strip();
    }

    /**
     * The URI of a name-addr or addr-spec header value (Contact, RFC 3261 §20.10): between angle brackets when
     * present, else up to the first parameter; empty for {@code *} or nothing.
     */
    public static Optional<String> uriOf(String value) {
        String text = value.strip();
        int open = text.indexOf('<');
        if (open >= 0) {
            int close = text.indexOf('>', open);
            text = close < 0 ? "" : text.substring(open + 1, close);
        } else {
            int semicolon = text.indexOf(';');
            text = semicolon < 0 ? text : text.substring(0, semicolon);
        }
        text = text.strip();
        return text.isEmpty() || text.equals("*") ? Optional.empty() : Optional.of(text);
    }

    /**
     * The sender of a request for ordering: its From URI without URI parameters or headers, case folded (one lane
     * per address of record, whichever device or GRUU sent).
     */
    public static String sender(Message message) {
        return sender(uri(((FromHeader) message.getHeader(FromHeader.NAME)).getAddress()));
    }

    /** {@link #sender(Message)} for a From URI already copied. */
    public static String sender(String fromUri) {
        String from = fromUri == null ? "" : fromUri;
        return URI_PARAMETERS.matcher(from).replaceFirst("").toLowerCase(Locale.ROOT);
    }

    private static String uri(Address address) {
        return address.getURI().toString();
    }
}
