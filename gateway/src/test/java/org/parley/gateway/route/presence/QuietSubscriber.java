package org.parley.gateway.route.presence;

import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionId;

/** A {@link SipSubscriber} that takes SUBSCRIBEs with given ids and unsubscribes and does nothing with them. */
final class QuietSubscriber implements SipSubscriber {

    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        throw new AssertionError("not used: SUBSCRIBEs here are paced and carry their ids");
    }

    @Override
    public void subscribe(SubscriptionId id, SubscribeRequest request) {
    }

    @Override
    public void unsubscribe(SubscriptionId id) {
    }
}
