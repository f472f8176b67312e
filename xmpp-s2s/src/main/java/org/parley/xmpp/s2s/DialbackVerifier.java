package org.parley.xmpp.s2s;

import java.util.concurrent.CompletionStage;

/**
 * The receiving server's question to the authoritative server (XEP-0220 §2.1.3): is {@code key} the key the
 * remote domain generated for its stream {@code streamId} to our domain? Implemented by the outbound side, which
 * sends {@code db:verify} over a stream to the remote domain.
 */
interface DialbackVerifier {

    /** What the authoritative server answered. */
    enum Outcome { VALID, INVALID, ERROR }

    /** Completes normally with the answer, or {@link Outcome#ERROR} when no answer can be had. */
    CompletionStage<Outcome> verify(DomainPair pair, String streamId, String key);
}
