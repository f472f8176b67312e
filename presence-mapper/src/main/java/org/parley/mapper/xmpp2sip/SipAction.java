package org.parley.mapper.xmpp2sip;

import java.util.Objects;
import org.parley.mapper.im.SipMessage;

/**
 * What an XMPP message becomes on the SIP side when it is not refused: a MESSAGE to send, or nothing, for a
 * stated reason (the stanza has no page-mode SIP equivalent and needs no error reply).
 */
public sealed interface SipAction permits SipAction.Send, SipAction.Absorbed {

    /** Send this MESSAGE. */
    record Send(SipMessage message) implements SipAction {
        /** Requires a message. */
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Send nothing; the stanza is accounted for by {@code reason}. */
    record Absorbed(Reason reason) implements SipAction {
        /** Requires a reason. */
        public Absorbed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why an XMPP message produces no SIP request. */
    enum Reason {
        /**
         * A {@code type='error'} message: never answered with an error (RFC 6120 §8.3.1) and never a MESSAGE; the
         * caller matches it to the SIP transaction it answers, if any (RFC 7247 §7.1).
         */
        ERROR_STANZA,
        /** A standalone {@code <gone/>}: no isComposing equivalent, and no page-mode session to end (RFC 7573 §6.1). */
        GONE_CHAT_STATE,
        /**
         * A XEP-0184 ack message ({@code <received/>}): page-mode SIP has no delivery report; the caller may use it
         * to answer a pending SIP MESSAGE transaction (see the {@code sip2xmpp} package documentation).
         */
        RECEIPT,
        /** Nothing to carry: no body, subject, chat state or receipt. */
        NO_CONTENT
    }
}
