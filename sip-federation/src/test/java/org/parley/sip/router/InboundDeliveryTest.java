package org.parley.sip.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeStack;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.concurrent.KeyedLanes;

/** MESSAGEs handed to the application on the workers: in order per sender, 503 when the workers are full. */
class InboundDeliveryTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);
    private final List<Runnable> handedOver = new ArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Response> responses = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void deliversTheMessagesOfOneSenderInArrivalOrderInOneLane() {
        InboundDelivery delivery = delivery(10);

        delivery.handle(message("<sip:alice@contoso.test;gr=pc>;tag=a1", "one"));
        delivery.handle(message("<sip:Alice@contoso.test>;tag=a2", "two"));
        delivery.handle(message("<sip:bob@contoso.test>;tag=b1", "bob's"));
        delivery.handle(message("<sip:alice@contoso.test;gr=phone>;tag=a3", "three"));

        assertThat(handedOver).as("one worker task per sender").hasSize(2);
        handedOver.get(1).run();
        handedOver.get(0).run();
        assertThat(delivered).containsExactly("bob's", "one", "two", "three");
    }

    @Test
    void answers503AtOnceWhenTheWorkersAreFull() {
        InboundDelivery delivery = delivery(1);

        delivery.handle(message("<sip:alice@contoso.test>;tag=a1", "one"));
        delivery.handle(message("<sip:bob@contoso.test>;tag=b1", "refused"));

        assertThat(responses).singleElement().satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(503));
        handedOver.forEach(Runnable::run);
        assertThat(delivered).containsExactly("one");
    }

    private InboundDelivery delivery(int capacity) {
        return new InboundDelivery(new Recording(), new Responders(stack.runtime, stack.factory, stack.metrics),
                new KeyedLanes<>(handedOver::add, capacity));
    }

    private RequestEvent message(String from, String text) {
        try {
            Request request = (Request) stack.runtime.messages().createRequest(
                    "MESSAGE sip:bob@jabber.test SIP/2.0\r\n"
                            + "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                            + "From: " + from + "\r\n"
                            + "To: <sip:bob@jabber.test>\r\n"
                            + "Call-ID: " + System.nanoTime() + "@edge.test\r\n"
                            + "CSeq: 1 MESSAGE\r\n"
                            + "Max-Forwards: 69\r\n"
                            + "Content-Type: text/plain\r\n"
                            + "Content-Length: " + text.length() + "\r\n\r\n" + text);
            return new RequestEvent(this, FakeStack.serverTransaction(request, responses), null, request);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the bodies of the requests delivered. */
    private final class Recording implements SipInbound {
        @Override
        public void onRequest(InboundRequest request, SipResponder responder) {
            delivered.add(request.body().map(SipBody::text).orElse(""));
        }

        @Override
        public void onSubscription(SubscriptionEvent event) {
            throw new AssertionError("no subscription expected");
        }
    }
}
