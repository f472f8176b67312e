package org.parley.gateway.route.presence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionId;

/**
 * A {@link SipSubscriber} that records what the route asks of it: SUBSCRIBEs (answered with ids
 * {@code call-1}, {@code call-2}, …), resumed dialogs (one line each, for comparing) and unsubscribes.
 */
final class RecordingSubscriber implements SipSubscriber {

    final List<SubscribeRequest> subscribes = new CopyOnWriteArrayList<>();
    final List<String> resumes = new CopyOnWriteArrayList<>();
    final List<SubscriptionId> unsubscribes = new CopyOnWriteArrayList<>();

    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        subscribes.add(request);
        return new SubscriptionId("call-" + subscribes.size());
    }

    @Override
    public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        resumes.add(dialog.callId() + " " + dialog.localUri() + ";tag=" + dialog.localTag() + " -> "
                + dialog.remoteUri() + ";tag=" + dialog.remoteTag() + " at " + dialog.remoteTarget()
                + " cseq " + dialog.localCseq() + " for " + request.expires());
        return new SubscriptionId(dialog.callId());
    }

    @Override
    public void unsubscribe(SubscriptionId id) {
        unsubscribes.add(id);
    }
}
