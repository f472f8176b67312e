package org.parley.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provisional response (RFC 3261 §7.2, status 100–199) to an outgoing request, e.g. 180 Ringing or 183
 * Session Progress with early media SDP (RFC 3261 §13.2.2.1).
 */
public record ProvisionalResponse(int status, String reason, List<SipHeader> headers, Optional<SipBody> body) {

    public ProvisionalResponse {
        if (status < 100 || status > 199) {
            throw new IllegalArgumentException("not a provisional status: " + status);
        }
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
