package org.parley.sip;

import java.util.concurrent.CompletionStage;

/** An answered call: its dialog (RFC 3261 §12), which either side ends with BYE (§15). */
public interface SipCall {

    CallKey id();

    /**
     * Sends BYE in the dialog (RFC 3261 §15.1.1); the stage completes with its outcome. A call ended already
     * (by a BYE either way, or never answered) gives {@link SipOutcome.Invalid} at once.
     */
    CompletionStage<SipOutcome> hangUp();
}
