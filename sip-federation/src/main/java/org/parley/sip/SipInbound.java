package org.parley.sip;

/**
 * The application side of the SIP federation leg (implemented by the gateway's SIP→XMPP route). Called on
 * worker threads, never on the stack's event thread; implementations may block briefly but should hand
 * long work off.
 */
public interface SipInbound {

    /**
     * A request from the Access Edge: MESSAGE, INVITE, ACK, BYE, CANCEL, SUBSCRIBE (where the gateway is the
     * notifier) or an out-of-dialog NOTIFY. Answer it through {@code responder} (ACK needs no answer).
     */
    void onRequest(InboundRequest request, SipResponder responder);

    /** A change of one of the gateway's own subscriptions (RFC 6665 §4.1). */
    void onSubscription(SubscriptionEvent event);
}
