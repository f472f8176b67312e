package org.parley.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client transaction ended (RFC 3261 §17.1): a final response, a timeout (Timer B/F), or a transport
 * error (the edge could not be reached, refused the TLS connection, or the connection dropped while the
 * request was outstanding). Never an exception.
 */
public sealed interface SipOutcome {

    /** A final response (status 200–699). */
    record FinalResponse(int status, String reason, List<SipHeader> headers, Optional<SipBody> body)
            implements SipOutcome {
        public FinalResponse {
            if (status < 200 || status > 699) {
                throw new IllegalArgumentException("not a final status: " + status);
            }
            Objects.requireNonNull(reason, "reason");
            headers = List.copyOf(headers);
            Objects.requireNonNull(body, "body");
        }

        public boolean isSuccess() {
            return status < 300;
        }
    }

    /** No final response in time: Timer F (non-INVITE) or B (INVITE), or the keep-alive deadline. */
    record Timeout(String detail) implements SipOutcome {
    }

    /** The request could not be delivered, or its connection was lost before a final response. */
    record TransportError(String detail) implements SipOutcome {
    }

    /** The request could not be built (e.g. an unparsable URI); nothing was sent. */
    record Invalid(String detail) implements SipOutcome {
    }
}
