package org.parley.sip;

/**
 * The application side of the SIP federation leg (implemented by the gateway's SIP→XMPP route). Called on
 * worker threads, never on the stack's event thread; implementations may block briefly but should hand
 * long work off.
 */
public interface SipInbound {

    /**
     * A request from the Access Edge: MESSAGE, INVITE, ACK, BYE or CANCEL. Answer it through {@code responder}
     * (ACK needs no answer). SUBSCRIBEs arrive at {@link #onWatcher} instead.
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
}
