package org.parley.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that arrived from the Access Edge over an authenticated TLS connection, copied out of the stack.
 *
 * @param method     e.g. {@code MESSAGE}, {@code INVITE}, {@code BYE}
 * @param requestUri the Request-URI (RFC 3261 §8.1.1.1)
 * @param from       the From URI (without tag)
 * @param to         the To URI (without tag)
 * @param callId     the Call-ID
 * @param headers    every header field in order, for what the record does not lift out
 * @param body       the body, if any
 */
public record InboundRequest(String method, String requestUri, String from, String to, String callId,
                             List<SipHeader> headers, Optional<SipBody> body) {

    public InboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a header field. */
    public Optional<String> header(String name) {
        return SipHeader.first(headers, name);
    }
}
