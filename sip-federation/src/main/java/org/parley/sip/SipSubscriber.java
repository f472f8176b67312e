package org.parley.sip;

/**
 * Starts and ends the gateway's own subscriptions; their progress arrives as {@link SubscriptionEvent}s at
 * {@link SipInbound#onSubscription}.
 */
public interface SipSubscriber {

    /** Sends the initial SUBSCRIBE; the outcome arrives as an event for the returned id. */
    SubscriptionId subscribe(SubscribeRequest request);

    /** Sends SUBSCRIBE with Expires 0 (RFC 6665 §4.1.2.3); ends with a {@link SubscriptionEvent.Terminated}. */
    void unsubscribe(SubscriptionId id);
}
