package org.parley.sip.router;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import javax.sip.message.Response;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.transaction.MessageCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a request to the application: copies it into an {@link InboundRequest}, obtains its server
 * transaction and calls {@link SipInbound#onRequest} on a worker thread. When the workers are saturated the
 * request is answered 503 (RFC 3261 §21.5.4) instead; an exception from the application is answered 500.
 * Used for MESSAGE (RFC 3428).
 */
public final class InboundDelivery implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDelivery.class);

    private final SipInbound inbound;
    private final Responders responders;
    private final Executor worker;

    public InboundDelivery(SipInbound inbound, Responders responders, Executor worker) {
        this.inbound = inbound;
        this.responders = responders;
        this.worker = worker;
    }

    @Override
    public void handle(RequestEvent event) {
        InboundRequest copy = MessageCopy.request(event.getRequest());
        responders.forEvent(event).ifPresent(responder -> dispatch(copy, responder));
    }

    private void dispatch(InboundRequest request, SipResponder responder) {
        try {
            worker.execute(() -> deliver(request, responder));
        } catch (RejectedExecutionException e) {
            responders.metrics().refused("overloaded");
            responder.respond(Response.SERVICE_UNAVAILABLE);
        }
    }

    private void deliver(InboundRequest request, SipResponder responder) {
        try {
            inbound.onRequest(request, responder);
        } catch (RuntimeException e) {
            LOG.warn("the application failed on {} {}", request.method(), request.requestUri(), e);
            responder.respond(Response.SERVER_INTERNAL_ERROR);
        }
    }
}
