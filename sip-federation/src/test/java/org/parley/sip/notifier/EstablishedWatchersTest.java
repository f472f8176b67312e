package org.parley.sip.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.EventInbound;
import org.parley.sip.FakeDialog;
import org.parley.sip.FakeStack;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherState;
import org.parley.sip.router.Responders;

/**
 * A watcher keeps only its dialog's values once its SUBSCRIBE is answered 200 (RFC 6665 §4.2.1.1): the stack's
 * dialog is deleted and let go, so is the SUBSCRIBE's server transaction, and the NOTIFYs go on in the dialog from
 * those values.
 */
class EstablishedWatchersTest {

    /** The dialog as the stack holds it once the SUBSCRIBE is answered: the watcher's Contact and Record-Route. */
    private static final SipDialogSnapshot ANSWERED = new SipDialogSnapshot("w-1@edge.test",
            "sip:alice@jabber.test", "gw-tag", "sip:carol@contoso.test", "ua-tag",
            "sip:carol@192.0.2.7:5070;transport=tls",
            List.of("<sip:edge.test;lr>", "<sip:proxy.contoso.test;lr>"), 0);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);
    private final FakeDialog dialog = new FakeDialog(ANSWERED, stack.runtime);
    private final List<Runnable> handedOver = new ArrayList<>();
    private final List<WatcherEvent> events = new CopyOnWriteArrayList<>();
    private final List<Response> responses = new CopyOnWriteArrayList<>();
    private final Watchers watchers = new Watchers(provider(), new Responders(stack.runtime, stack.factory,
            stack.metrics), EventInbound.watchersTo(events::add), handedOver::add, Watchers.DECISION_TIME, stack.factory, stack.sender,
            scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void theAnsweredSubscriptionLetsTheStacksDialogGoAndNotifiesFromItsValues() throws Exception {
        ReferenceQueue<ServerTransaction> released = new ReferenceQueue<>();
        WeakReference<ServerTransaction> transaction = subscribe(released);
        runHandedOver();
        WatcherEvent.Subscribed subscribed = (WatcherEvent.Subscribed) events.get(0);
        assertThat(dialog.deleted()).as("held while the SUBSCRIBE is not answered").isFalse();

        subscribed.notifier().accept(Duration.ofSeconds(600), WatcherState.PENDING, Optional.empty());
        runHandedOver();

        assertThat(responses).extracting(Response::getStatusCode).containsExactly(200);
        assertThat(dialog.deleted()).isTrue();
        assertThat(dialog.collectedWithin(Duration.ofSeconds(10))).as("no watcher holds the stack's dialog").isTrue();
        assertThat(collectedWithin(released, Duration.ofSeconds(10)))
                .as("nor the SUBSCRIBE's server transaction, %s", transaction).isTrue();
        Request notify = stack.sent.get(0).getRequest();
        assertThat(notify.getMethod()).isEqualTo(Request.NOTIFY);
        assertThat(notify.getRequestURI().toString()).isEqualTo("sip:carol@192.0.2.7:5070;transport=tls");
        assertThat(((CSeqHeader) notify.getHeader(CSeqHeader.NAME)).getSeqNumber()).isEqualTo(1);
        assertThat(notify.getHeader("Route").toString()).contains("sip:edge.test;lr");
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(
                WatcherEvent.Established.class, e -> assertThat(e.dialog()).as("with the first NOTIFY's CSeq")
                        .isEqualTo(ANSWERED.withLocalCseq(1))));
    }

    private void runHandedOver() {
        while (!handedOver.isEmpty()) {
            handedOver.remove(0).run();
        }
    }

    /** Hands a new SUBSCRIBE to the watchers; its server transaction is referenced weakly, queued to {@code queue}. */
    private WeakReference<ServerTransaction> subscribe(ReferenceQueue<ServerTransaction> queue)
            throws ParseException {
        Request subscribe = (Request) stack.runtime.messages().createRequest(
                "SUBSCRIBE sip:alice@jabber.test SIP/2.0\r\n"
                        + "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-w1\r\n"
                        + "From: <sip:carol@contoso.test>;tag=ua-tag\r\n"
                        + "To: <sip:alice@jabber.test>\r\n"
                        + "Call-ID: w-1@edge.test\r\n"
                        + "CSeq: 1 SUBSCRIBE\r\n"
                        + "Max-Forwards: 69\r\n"
                        + "Contact: <sip:carol@192.0.2.7:5070;transport=tls>\r\n"
                        + "Event: presence\r\n"
                        + "Expires: 600\r\n"
                        + "Content-Length: 0\r\n\r\n");
        ServerTransaction transaction = FakeStack.serverTransaction(subscribe, responses);
        watchers.handle(new RequestEvent(this, transaction, null, subscribe));
        return new WeakReference<>(transaction, queue);
    }

    private static boolean collectedWithin(ReferenceQueue<?> queue, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            System.gc();
            if (queue.remove(100) != null) {
                return true;
            }
        }
        return false;
    }

    /** A provider whose only dialog is {@link #dialog}'s. */
    private SipProvider provider() {
        return (SipProvider) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SipProvider.class},
                (self, method, args) -> {
                    if (method.getName().equals("getNewDialog")) {
                        return dialog.dialog();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
