package org.parley.sip;

/**
 * The application side of the SIP federation leg (implemented by the gateway's SIP→XMPP route). Called on
 * worker threads, never on the stack's event thread; implementations may block briefly but should hand
 * long work off.
 */
public interface SipInbound {

    /**
     * A MESSAGE (RFC 3428) from the Access Edge. Answer it through {@code responder}. SUBSCRIBEs arrive at
     * {@link #onWatcher}, INVITEs and what follows them at {@link #onCall}.
     */
    void onRequest(InboundRequest request, SipResponder responder);

    /** A change of one of the gateway's own subscriptions (RFC 6665 §4.1). */
    void onSubscription(SubscriptionEvent event);

    /**
     * A change of a subscription to the gateway (RFC 6665 §4.2, presence per RFC 3856). On
     * {@link WatcherEvent.Subscribed}, decide promptly through its {@link SipNotifier}. The default refuses
     * every watcher with 489 Bad Event (RFC 6665 §8.3.2): an application that does not notify.
     */
    default void onWatcher(WatcherEvent event) {
        if (event instanceof WatcherEvent.Subscribed subscribed) {
            subscribed.notifier().reject(489);
        }
    }

    /**
     * A call from the edge changed (RFC 3261 §13–15). On {@link CallEvent.Offered}, answer through its
     * {@link IncomingCall}. The default refuses every call with 480 Temporarily Unavailable (§21.4.18).
     */
    default void onCall(CallEvent event) {
        if (event instanceof CallEvent.Offered offered) {
            offered.call().reject(480);
        }
    }

    /**
     * The connection toward the Access Edge changed state (keep-alive OPTIONS, RFC 3261 §11, and the transport):
     * every change, in the order it happened, one at a time. The default ignores it.
     */
    default void onEdgeState(EdgeState state) {
    }
}
