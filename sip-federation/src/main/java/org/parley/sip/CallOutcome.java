package org.parley.sip;

import java.util.Objects;

/** How an outgoing INVITE ended: answered with a dialog, or not (any other final response, timeout, error). */
public sealed interface CallOutcome {

    /** A 2xx (RFC 3261 §13.2.2.4): the module sent the ACK; {@code response.body()} holds the SDP answer. */
    record Answered(SipCall call, SipOutcome.FinalResponse response) implements CallOutcome {
        public Answered {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(response, "response");
        }
    }

    /** A 3xx–6xx (487 after a CANCEL), a timeout or a transport error; no dialog remains. */
    record NotAnswered(SipOutcome outcome) implements CallOutcome {
        public NotAnswered {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
