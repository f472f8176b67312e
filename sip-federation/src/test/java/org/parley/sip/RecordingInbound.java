package org.parley.sip;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/** A {@link SipInbound} for tests: records what arrives and answers requests with a chosen status. */
final class RecordingInbound implements SipInbound {

    final BlockingQueue<InboundRequest> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<SubscriptionEvent> events = new LinkedBlockingQueue<>();
    private final ToIntFunction<InboundRequest> answer;

    RecordingInbound(ToIntFunction<InboundRequest> answer) {
        this.answer = answer;
    }

    static RecordingInbound answering(int status) {
        return new RecordingInbound(request -> status);
    }

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        requests.add(request);
        responder.respond(answer.applyAsInt(request));
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        events.add(event);
    }

    InboundRequest nextRequest(Duration timeout) throws InterruptedException {
        InboundRequest request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no request within " + timeout);
        }
        return request;
    }

    SubscriptionEvent nextEvent(Duration timeout) throws InterruptedException {
        SubscriptionEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no subscription event within " + timeout);
        }
        return event;
    }
}
