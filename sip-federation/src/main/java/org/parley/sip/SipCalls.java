package org.parley.sip;

import java.util.function.Consumer;

/** Starts calls toward the edge (RFC 3261 §13.2); calls from the edge arrive at {@link SipInbound#onCall}. */
public interface SipCalls {

    /**
     * Sends {@code invite} (method INVITE, usually with an SDP offer, RFC 3264) in a new dialog. Provisional
     * responses go to {@code progress} on a worker thread, in order and before the outcome.
     */
    OutgoingCall invite(OutboundRequest invite, Consumer<ProvisionalResponse> progress);
}
