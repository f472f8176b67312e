package org.parley.sip.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.RequestEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.EventInbound;
import org.parley.sip.FakeStack;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipNotifier;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;
import org.parley.sip.router.Responders;

/**
 * Watchers taken back after a restart from their stored dialog (RFC 6665 §4.2): NOTIFYs go in the old dialog, and
 * the watcher's refreshes in it are matched by Call-ID and To tag and answered 200, not 481 (§4.2.1.2).
 */
class ResumedWatchersTest {

    private static final SipDialogSnapshot STORED = new SipDialogSnapshot("c-17@edge.test", "sip:alice@jabber.test",
            "gw-tag", "sip:carol@contoso.test", "ua-tag", "sip:carol@192.0.2.7:5070;transport=tcp", List.of(), 3);
    private static final SipBody PIDF = SipBody.text("application/pidf+xml", "<presence/>");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);
    private final BlockingQueue<WatcherEvent> events = new LinkedBlockingQueue<>();
    private final Watchers watchers = new Watchers(null, new Responders(stack.runtime, stack.factory, stack.metrics),
            EventInbound.watchersTo(events::add), Runnable::run, Watchers.DECISION_TIME, stack.factory, stack.sender, scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aResumedWatcherIsNotifiedInTheStoredDialogAboveTheStoredCseq() {
        SipNotifier notifier = watchers.resume(STORED, Watchers.PRESENCE, Duration.ofSeconds(500),
                Duration.ofSeconds(3600)).orElseThrow();

        assertThat(notifier.id()).isEqualTo(new WatcherId("c-17@edge.test", "gw-tag"));
        assertThat(notifier.notify(WatcherState.ACTIVE, Optional.of(PIDF))).isTrue();

        assertThat(stack.sent).hasSize(1);
        Request notify = stack.sent.get(0).getRequest();
        assertThat(notify.getMethod()).isEqualTo(Request.NOTIFY);
        assertThat(notify.getRequestURI().toString()).isEqualTo(STORED.remoteTarget());
        assertThat(((ToHeader) notify.getHeader(ToHeader.NAME)).getTag()).isEqualTo("ua-tag");
        assertThat(((CSeqHeader) notify.getHeader(CSeqHeader.NAME)).getSeqNumber())
                .isEqualTo(3 + SipDialogSnapshot.RESUME_CSEQ_MARGIN + 1);
        assertThat(notify.getHeader("Subscription-State").toString()).containsPattern("active;expires=(500|499)");
        assertThat(notify.getHeader("Event").toString()).contains("presence");
        assertThat(notify.getHeader("Contact").toString()).contains("sip:gw.test:5061;transport=tls");
        assertThat(new String(notify.getRawContent())).isEqualTo("<presence/>");
    }

    @Test
    void aRefreshInTheResumedDialogIsAnswered200AndReportedWithTheNewTarget() throws Exception {
        SipNotifier notifier = watchers.resume(STORED, Watchers.PRESENCE, Duration.ofSeconds(500),
                Duration.ofSeconds(3600)).orElseThrow();
        notifier.notify(WatcherState.ACTIVE, Optional.of(PIDF));
        stack.transactions.complete(stack.sent.get(0), ok());

        List<Response> responses = refresh("c-17@edge.test", "gw-tag", 300);

        assertThat(responses).singleElement().satisfies(response -> {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(((ExpiresHeader) response.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(300);
            assertThat(((ToHeader) response.getHeader(ToHeader.NAME)).getTag()).isEqualTo("gw-tag");
        });
        WatcherEvent refreshed = events.poll(5, TimeUnit.SECONDS);
        assertThat(refreshed).isInstanceOfSatisfying(WatcherEvent.Refreshed.class, r -> {
            assertThat(r.expires()).isEqualTo(Duration.ofSeconds(300));
            assertThat(r.dialog()).hasValueSatisfying(d -> {
                assertThat(d.remoteTarget()).isEqualTo("sip:carol@198.51.100.9:5080;transport=tcp");
                assertThat(d.localCseq()).isEqualTo(3 + SipDialogSnapshot.RESUME_CSEQ_MARGIN + 2);
            });
        });
        assertThat(stack.sent).hasSize(2);
        assertThat(stack.sent.get(1).getRequest().getRequestURI().toString())
                .isEqualTo("sip:carol@198.51.100.9:5080;transport=tcp");
    }

    @Test
    void aRefreshWithAnotherToTagStillGets481() throws Exception {
        watchers.resume(STORED, Watchers.PRESENCE, Duration.ofSeconds(500), Duration.ofSeconds(3600));

        assertThat(refresh("c-17@edge.test", "other-tag", 300)).singleElement()
                .satisfies(response -> assertThat(response.getStatusCode()).isEqualTo(481));
    }

    @Test
    void aStoredSubscriptionAlreadyExpiredIsNotResumed() {
        assertThat(watchers.resume(STORED, Watchers.PRESENCE, Duration.ZERO, Duration.ofSeconds(3600))).isEmpty();
        assertThat(refresh("c-17@edge.test", "gw-tag", 300)).singleElement()
                .satisfies(response -> assertThat(response.getStatusCode()).isEqualTo(481));
    }

    @Test
    void aResumedWatcherExpiresAtTheStoredExpiryWithAFinalNotify() throws Exception {
        watchers.resume(STORED, Watchers.PRESENCE, Duration.ofMillis(50), Duration.ofSeconds(3600));

        WatcherEvent ended = events.poll(5, TimeUnit.SECONDS);

        assertThat(ended).isInstanceOfSatisfying(WatcherEvent.Ended.class,
                e -> assertThat(e.reason()).isEqualTo(WatcherEvent.EndReason.EXPIRED));
        assertThat(stack.sent).singleElement().satisfies(notify -> assertThat(
                notify.getRequest().getHeader("Subscription-State").toString()).contains("terminated;reason=timeout"));
        assertThat(refresh("c-17@edge.test", "gw-tag", 300)).singleElement()
                .satisfies(response -> assertThat(response.getStatusCode()).isEqualTo(481));
    }

    private List<Response> refresh(String callId, String toTag, int expires) {
        List<Response> responses = new CopyOnWriteArrayList<>();
        try {
            Request subscribe = (Request) stack.runtime.messages().createRequest(
                    "SUBSCRIBE sip:gw.test:5061;transport=tls SIP/2.0\r\n"
                            + "Via: SIP/2.0/TLS 192.0.2.1:5061;branch=z9hG4bK-" + System.nanoTime() + "\r\n"
                            + "From: <sip:carol@contoso.test>;tag=ua-tag\r\n"
                            + "To: <sip:alice@jabber.test>;tag=" + toTag + "\r\n"
                            + "Call-ID: " + callId + "\r\n"
                            + "CSeq: 2 SUBSCRIBE\r\n"
                            + "Max-Forwards: 69\r\n"
                            + "Contact: <sip:carol@198.51.100.9:5080;transport=tcp>\r\n"
                            + "Event: presence\r\n"
                            + "Expires: " + expires + "\r\n"
                            + "Content-Length: 0\r\n\r\n");
            watchers.handle(new RequestEvent(this, FakeStack.serverTransaction(subscribe, responses), null,
                    subscribe));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        return responses;
    }

    private static org.parley.sip.SipOutcome.FinalResponse ok() {
        return new org.parley.sip.SipOutcome.FinalResponse(200, "OK", List.of(), Optional.empty());
    }
}
