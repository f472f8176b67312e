package org.parley.sip.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.parley.sip.EventInbound;
import org.parley.sip.FakeStack;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.WatcherEvent;
import org.parley.sip.router.Responders;

/** What one watcher sends and what happens to it reach the application in order, whatever the workers do first. */
class WatcherOrderTest {

    private static final SipDialogSnapshot STORED = new SipDialogSnapshot("c-17@edge.test", "sip:alice@jabber.test",
            "gw-tag", "sip:carol@contoso.test", "ua-tag", "sip:carol@192.0.2.7:5070;transport=tcp", List.of(), 3);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);
    private final List<Runnable> handedOver = new ArrayList<>();
    private final List<WatcherEvent> events = new CopyOnWriteArrayList<>();
    private final List<Response> responses = new CopyOnWriteArrayList<>();
    private final Watchers watchers = new Watchers(null, new Responders(stack.runtime, stack.factory, stack.metrics),
            EventInbound.watchersTo(events::add), handedOver::add, Watchers.DECISION_TIME, stack.factory, stack.sender, scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRefreshAndTheUnsubscribeAfterItAreHandledInArrivalOrderWhateverOrderThePoolRunsItsTasks() {
        watchers.resume(STORED, Watchers.PRESENCE, Duration.ofSeconds(500), Duration.ofSeconds(3600));

        subscribeInDialog(2, 300);
        subscribeInDialog(3, 0);
        while (!handedOver.isEmpty()) {
            handedOver.remove(handedOver.size() - 1).run();
        }

        assertThat(responses).extracting(Response::getStatusCode).containsExactly(200, 200);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(WatcherEvent.Refreshed.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(WatcherEvent.Ended.class,
                ended -> assertThat(ended.reason()).isEqualTo(WatcherEvent.EndReason.UNSUBSCRIBED));
    }

    private void subscribeInDialog(int cseq, int expires) {
        try {
            Request subscribe = (Request) stack.runtime.messages().createRequest(
                    "SUBSCRIBE sip:gw.test:5061;transport=tls SIP/2.0\r\n"
                            + "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                            + "From: <sip:carol@contoso.test>;tag=ua-tag\r\n"
                            + "To: <sip:alice@jabber.test>;tag=gw-tag\r\n"
                            + "Call-ID: c-17@edge.test\r\n"
                            + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                            + "Max-Forwards: 69\r\n"
                            + "Event: presence\r\n"
                            + "Expires: " + expires + "\r\n"
                            + "Content-Length: 0\r\n\r\n");
            watchers.handle(new RequestEvent(this, FakeStack.serverTransaction(subscribe, responses), null,
                    subscribe));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
