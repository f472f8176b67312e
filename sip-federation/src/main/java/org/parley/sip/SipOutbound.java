package org.parley.sip;

import java.util.concurrent.CompletionStage;

/**
 * Sends requests to the Access Edge (implemented by this module, used by the gateway's XMPP→SIP route).
 * The returned stage completes exactly once with a {@link SipOutcome}; it never completes exceptionally.
 * While the edge is known to be down, requests end at once as {@link SipOutcome.TransportError}.
 */
public interface SipOutbound {

    CompletionStage<SipOutcome> send(OutboundRequest request);
}
