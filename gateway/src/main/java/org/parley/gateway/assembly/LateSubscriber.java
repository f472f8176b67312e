package org.parley.gateway.assembly;

import java.util.function.Supplier;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionId;

/**
 * A {@link SipSubscriber} for the presence route, which is built before the SIP service that takes the route as
 * its inbound side: it reaches the service once assembly has set it.
 */
final class LateSubscriber implements SipSubscriber {

    private final Supplier<SipSubscriber> target;

    LateSubscriber(Supplier<SipSubscriber> target) {
        this.target = target;
    }

    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        return target.get().subscribe(request);
    }

    @Override
    public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        return target.get().resume(dialog, request);
    }

    @Override
    public void subscribe(SubscriptionId id, SubscribeRequest request) {
        target.get().subscribe(id, request);
    }

    @Override
    public void unsubscribe(SubscriptionId id) {
        target.get().unsubscribe(id);
    }
}
