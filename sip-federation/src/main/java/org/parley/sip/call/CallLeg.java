package org.parley.sip.call;

import org.parley.sip.SipResponder;

/** What in-dialog requests from the edge reach: the ACK of the gateway's 2xx and BYE. */
interface CallLeg {

    /** The ACK for the gateway's 2xx arrived (no response). */
    void ack();

    /** A BYE arrived; answer it through {@code responder}. */
    void bye(SipResponder responder);
}
