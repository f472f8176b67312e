package org.parley.gateway.sip;

import org.parley.sip.InboundRequest;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.SubscriptionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does with SIP requests from the edge while no route to the XMPP side is wired: every
 * request gets a final response, 480 Temporarily Unavailable (RFC 3261 §21.4.18), so the SIP user's client
 * shows a failure instead of waiting for a timeout. Subscription events of the gateway's own subscriptions are
 * logged.
 */
public final class UnroutedSipInbound implements SipInbound {

    private static final Logger LOG = LoggerFactory.getLogger(UnroutedSipInbound.class);
    static final int NO_ROUTE = 480;

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        LOG.info("no route for SIP {} from {} to {}: answered {}", request.method(), request.from(), request.to(), NO_ROUTE);
        responder.respond(NO_ROUTE);
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        LOG.info("SIP subscription event {}", event);
    }
}
