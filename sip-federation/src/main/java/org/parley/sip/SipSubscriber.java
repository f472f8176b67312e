package org.parley.sip;

/**
 * Starts and ends the gateway's own subscriptions; their progress arrives as {@link SubscriptionEvent}s at
 * {@link SipInbound#onSubscription}.
 */
public interface SipSubscriber {

    /** Sends the initial SUBSCRIBE; the outcome arrives as an event for the returned id. */
    SubscriptionId subscribe(SubscribeRequest request);

    /**
     * Takes back a subscription of an earlier run from its stored {@code dialog} (after a restart): refreshes it in
     * that dialog (RFC 6665 §4.1.2.2) for {@code request}'s duration. A refusal, 481 above all, ends it with a
     * {@link SubscriptionEvent.Terminated} ({@code "refresh failed: 481 ..."}): subscribe anew then. The default
     * subscribes anew at once, for implementations that keep no dialogs.
     */
    default SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        return subscribe(request);
    }

    /**
     * Sends the initial SUBSCRIBE with {@code id} as its Call-ID (RFC 3261 §8.1.1.4), for a caller that names the
     * subscription before it is sent (one that queues SUBSCRIBEs and must answer with an id at once); the outcome
     * arrives as events for {@code id}. {@code id} must be globally unique ({@link SubscriptionId#unique}). The
     * default refuses: an implementation that cannot take a chosen Call-ID.
     *
     * @throws UnsupportedOperationException when the implementation cannot send with a chosen Call-ID
     */
    default void subscribe(SubscriptionId id, SubscribeRequest request) {
        throw new UnsupportedOperationException(getClass().getName() + " does not send with a chosen Call-ID");
    }

    /** Sends SUBSCRIBE with Expires 0 (RFC 6665 §4.1.2.3); ends with a {@link SubscriptionEvent.Terminated}. */
    void unsubscribe(SubscriptionId id);
}
