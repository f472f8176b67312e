package org.parley.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeStack;
import org.parley.sip.SipOutcome;
import org.parley.sip.concurrent.KeyedLanes;

/** Requests handed to the sender threads: transmitted in order per sender, refused when the threads are full. */
class OutboundSenderTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);
    private final List<Runnable> handedOver = new ArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void transmitsTheRequestsOfOneSenderInTheOrderTheyWereSentWhateverOrderThePoolRunsItsTasks() {
        OutboundSender sender = sender(10);

        send(sender, message("sip:alice@jabber.test;gr=pc", "first"));
        send(sender, message("sip:bob@jabber.test", "bob's"));
        send(sender, message("sip:alice@jabber.test;gr=phone", "second"));
        send(sender, message("sip:alice@jabber.test;gr=pc", "third"));
        for (int i = handedOver.size() - 1; i >= 0; i--) {
            handedOver.get(i).run();
        }

        assertThat(stack.sent).extracting(transaction -> body(transaction.getRequest()))
                .containsExactly("bob's", "first", "second", "third");
        assertThat(handedOver).as("one task per sender on the pool").hasSize(2);
    }

    @Test
    void endsARequestAsATransportErrorWhenTheSenderThreadsAreFull() {
        OutboundSender sender = sender(1);

        send(sender, message("sip:alice@jabber.test", "queued"));
        CompletionStage<SipOutcome> refused = send(sender, message("sip:bob@jabber.test", "refused"));

        assertThat(refused.toCompletableFuture()).isCompletedWithValueMatching(
                outcome -> outcome instanceof SipOutcome.TransportError error && error.detail().contains("full"));
        handedOver.forEach(Runnable::run);
        assertThat(stack.sent).extracting(transaction -> body(transaction.getRequest())).containsExactly("queued");
    }

    private OutboundSender sender(int queue) {
        return new OutboundSender(stack.runtime, stack.factory, stack.transactions,
                new KeyedLanes<>(handedOver::add, queue), () -> true, stack.metrics);
    }

    private static CompletionStage<SipOutcome> send(OutboundSender sender, Request request) {
        return sender.send(request, Optional.empty(), Optional.empty());
    }

    private Request message(String from, String text) {
        try {
            return (Request) stack.runtime.messages().createRequest(
                    "MESSAGE sip:carol@contoso.test SIP/2.0\r\n"
                            + "Via: SIP/2.0/TLS 192.0.2.2:5061;branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                            + "From: <" + from + ">;tag=" + System.nanoTime() + "\r\n"
                            + "To: <sip:carol@contoso.test>\r\n"
                            + "Call-ID: " + System.nanoTime() + "@gw.test\r\n"
                            + "CSeq: 1 MESSAGE\r\n"
                            + "Max-Forwards: 70\r\n"
                            + "Content-Type: text/plain\r\n"
                            + "Content-Length: " + text.length() + "\r\n\r\n" + text);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(Request request) {
        return new String(request.getRawContent(), StandardCharsets.UTF_8);
    }
}
