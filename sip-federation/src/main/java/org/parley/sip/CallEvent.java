package org.parley.sip;

import java.util.Objects;

/**
 * What happens to calls from the edge (RFC 3261 §13–15), reported at {@link SipInbound#onCall}: an INVITE
 * arrived (decide through its {@link IncomingCall}), the ACK for the gateway's 2xx arrived, or a call ended
 * without the gateway hanging up.
 */
public sealed interface CallEvent {

    CallKey id();

    /** An INVITE outside a dialog, not yet answered (the module sent 100 Trying). */
    record Offered(CallKey id, InboundRequest invite, IncomingCall call) implements CallEvent {
        public Offered {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(invite, "invite");
            Objects.requireNonNull(call, "call");
        }
    }

    /** The ACK for the gateway's 2xx arrived (RFC 3261 §13.3.1.4): media may flow both ways. */
    record Established(CallKey id) implements CallEvent {
    }

    /** The call ended on the other side's initiative or by a protocol failure. */
    record Ended(CallKey id, EndReason reason) implements CallEvent {
        public Ended {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a call ended. */
    enum EndReason {
        /** The other side sent BYE (answered 200 by the module, RFC 3261 §15.1.2). */
        BYE,
        /** The caller cancelled before the answer (CANCEL answered 200, INVITE answered 487, RFC 3261 §9.2). */
        CANCELLED,
        /** No ACK for the gateway's 2xx within 64·T1; the module sent BYE (RFC 3261 §13.3.1.4). */
        NO_ACK
    }
}
