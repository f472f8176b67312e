package org.parley.sip;

import java.util.List;
import java.util.Optional;

/**
 * Answers one {@link InboundRequest} (RFC 3261 §8.2.6). The first final response wins; later calls are
 * ignored and reported as {@code false}. Requests the application never answers are answered 500 by the
 * stack's transaction timers only for INVITE; answer every request.
 */
public interface SipResponder {

    /** Sends a response with the given status and optional headers and body; {@code false} if not sent. */
    boolean respond(int status, List<SipHeader> headers, Optional<SipBody> body);

    /** Sends a response without extra headers or body. */
    default boolean respond(int status) {
        return respond(status, List.of(), Optional.empty());
    }
}
