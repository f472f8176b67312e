package org.parley.sip;

import java.util.concurrent.CompletionStage;

/** An INVITE the gateway sent (RFC 3261 §13.2), until its final response. */
public interface OutgoingCall {

    /** The call's key; valid from the start (the dialog is created with the INVITE). */
    CallKey id();

    /** Completes exactly once with the final outcome; a 2xx has been acknowledged by the module already. */
    CompletionStage<CallOutcome> outcome();

    /**
     * Cancels the INVITE (RFC 3261 §9.1): the CANCEL goes out at once if a provisional response has arrived,
     * else when the first one does; nothing is sent once a final response arrived. A 2xx arriving after
     * {@code cancel()} is acknowledged and the call hung up with BYE, and the outcome is
     * {@link CallOutcome.NotAnswered} with that 2xx. {@code false} if the outcome is already known.
     */
    boolean cancel();
}
