package org.parley.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An out-of-dialog request for the Access Edge. The stack adds Via (with the gateway's FQDN), Call-ID, CSeq,
 * Max-Forwards, a From tag and a Contact with the gateway's FQDN (RFC 3261 §8.1.1).
 *
 * @param method     e.g. {@code MESSAGE} (RFC 3428), {@code INVITE}, {@code OPTIONS}
 * @param requestUri the Request-URI
 * @param from       the From URI
 * @param to         the To URI
 * @param headers    further header fields (e.g. {@code Expires}, {@code Event}); a {@code Call-ID} here replaces
 *                   the generated one
 * @param body       the body, if any
 */
public record OutboundRequest(String method, String requestUri, String from, String to, List<SipHeader> headers,
                              Optional<SipBody> body) {

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A MESSAGE (RFC 3428) from {@code from} to {@code to} carrying {@code body}. */
    public static OutboundRequest message(String from, String to, SipBody body) {
        return new OutboundRequest("MESSAGE", to, from, to, List.of(), Optional.of(body));
    }
}
