package org.parley.sip;

import java.util.List;
import java.util.Optional;

/**
 * An INVITE the gateway received (RFC 3261 §13.3), handed to the application in {@link CallEvent.Offered}.
 * The module keeps its transaction and dialog: it answers a CANCEL with 200 and the INVITE with 487
 * (§9.2), waits for the ACK of a 2xx (reported as {@link CallEvent.Established}; without one within 64·T1
 * it sends BYE, §13.3.1.4), and answers a BYE with 200 (§15.1.2). Every method returns {@code false} when it
 * no longer applies (a final response was sent, or the INVITE was cancelled).
 */
public interface IncomingCall extends SipCall {

    /** Sends a provisional response (101–199, e.g. 180 Ringing; 183 with early media SDP). */
    boolean progress(int status, Optional<SipBody> body);

    /** Answers 200 with the SDP answer {@code sdp} and the gateway's Contact (RFC 3261 §13.3.1.4). */
    boolean answer(SipBody sdp, List<SipHeader> headers);

    /** Refuses the call with a 3xx–6xx {@code status} (e.g. 480, 486, 488, 603). */
    boolean reject(int status);
}
