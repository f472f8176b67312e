package org.parley.sip.subscription;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import org.parley.sip.InboundRequest;
import org.parley.sip.router.RequestHandler;
import org.parley.sip.router.Responders;
import org.parley.sip.transaction.MessageCopy;

/**
 * NOTIFY (RFC 6665 §4.1.3): for one of the gateway's subscriptions, answered 200 and reported by
 * {@link Subscriptions}; for anything else, 481 (no such subscription).
 */
public final class NotifyHandler implements RequestHandler {

    private final Subscriptions subscriptions;
    private final Responders responders;
    private final Executor worker;

    public NotifyHandler(Subscriptions subscriptions, Responders responders, Executor worker) {
        this.subscriptions = subscriptions;
        this.responders = responders;
        this.worker = worker;
    }

    @Override
    public void handle(RequestEvent event) {
        InboundRequest notify = MessageCopy.request(event.getRequest());
        responders.forEvent(event).ifPresent(responder -> {
            Runnable work = () -> responder.respond(subscriptions.onNotify(notify));
            try {
                worker.execute(work);
            } catch (RejectedExecutionException e) {
                responder.respond(503);
            }
        });
    }
}
