package org.parley.sip.router;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import javax.sip.message.Response;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.sip.transaction.MessageCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a request to the application: copies it into an {@link InboundRequest}, obtains its server
 * transaction and calls {@link SipInbound#onRequest} on a worker thread. Requests of one sender (the From URI
 * without parameters) reach the application one at a time in the order they arrived, so the gateway adds no
 * reordering to a user's MESSAGEs (RFC 3428 §7 promises none, but the several workers would add some); other
 * senders go on in parallel. When the workers are saturated the request is answered 503 (RFC 3261 §21.5.4)
 * instead; an exception from the application is answered 500. Used for MESSAGE (RFC 3428).
 */
public final class InboundDelivery implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDelivery.class);

    private final SipInbound inbound;
    private final Responders responders;
    private final KeyedLanes<String> senders;

    /**
     * @param senders the workers, one lane per sender; bounded, a full one answers 503
     */
    public InboundDelivery(SipInbound inbound, Responders responders, KeyedLanes<String> senders) {
        this.inbound = inbound;
        this.responders = responders;
        this.senders = Objects.requireNonNull(senders, "senders");
    }

    @Override
    public void handle(RequestEvent event) {
        InboundRequest copy = MessageCopy.request(event.getRequest());
        responders.forEvent(event).ifPresent(responder -> dispatch(copy, responder));
    }

    private void dispatch(InboundRequest request, SipResponder responder) {
        try {
            senders.execute(MessageCopy.sender(request.from()), () -> deliver(request, responder));
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
