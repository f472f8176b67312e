package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeDialog;
import org.parley.sip.FakeStack;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;

/**
 * The gateway's own subscriptions keep only their dialog's values once the first 2xx arrived (RFC 6665 §4.1.2.1):
 * the stack's dialog is deleted and let go, and refreshes, target refreshes and the unsubscribe go on from the
 * values. A subscription that fails deletes its dialog too.
 */
class EstablishedSubscriptionsTest {

    private static final SubscribeRequest REQUEST = SubscriptionsFixture.REQUEST;

    private final SubscriptionsFixture fixture = new SubscriptionsFixture();
    private final FakeStack stack = fixture.stack;
    private final BlockingQueue<SubscriptionEvent> events = fixture.events;
    private final Subscriptions subscriptions = fixture.subscriptions;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theFirst2xxLetsTheStacksDialogGoAndTheAcceptedDialogIsReported() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);
        FakeDialog dialog = stack.dialogs.get(0);
        assertThat(dialog.deleted()).as("held while the SUBSCRIBE is outstanding").isFalse();

        accept(0);

        assertThat(dialog.deleted()).isTrue();
        assertThat(dialog.collectedWithin(Duration.ofSeconds(10))).as("no subscription holds the stack's dialog")
                .isTrue();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(SubscriptionEvent.Accepted.class, a ->
                assertThat(a.dialog()).hasValueSatisfying(d -> {
                    assertThat(d.callId()).isEqualTo(id.callId());
                    assertThat(d.remoteTag()).isEqualTo(FakeStack.REMOTE_TAG);
                    assertThat(d.routeSet()).isEqualTo(FakeStack.ROUTES);
                }));
    }

    @Test
    void afterTheReleaseTheUnsubscribeFollowsTheNotifysContactWithTheNextCseq() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);
        long initialCseq = cseq(stack.sent.get(0).getRequest());
        accept(0);

        int status = subscriptions.onNotify(new InboundRequest("NOTIFY", "sip:gw.test:5061;transport=tls",
                "sip:bob@contoso.test", "sip:alice@jabber.test", id.callId(),
                List.of(new SipHeader("Subscription-State", "active;expires=600"),
                        new SipHeader("Contact", "<sip:bob@198.51.100.3:5090;transport=tls>")), Optional.empty()));
        subscriptions.unsubscribe(id);

        assertThat(status).isEqualTo(200);
        Request unsubscribe = stack.sent.get(1).getRequest();
        assertThat(unsubscribe.getRequestURI().toString()).isEqualTo("sip:bob@198.51.100.3:5090;transport=tls");
        assertThat(cseq(unsubscribe)).isEqualTo(initialCseq + 1);
        assertThat(((ToHeader) unsubscribe.getHeader(ToHeader.NAME)).getTag()).isEqualTo(FakeStack.REMOTE_TAG);
        assertThat(unsubscribe.getHeader("Route").toString()).contains("sip:edge.test;lr");
        assertThat(unsubscribe.getHeader("Expires").toString()).contains("0");
    }

    @Test
    void aShortGrantIsRefreshedInTheDialogBeforeItExpiresAndEachRefreshAgain() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);
        long initialCseq = cseq(stack.sent.get(0).getRequest());
        long granted = System.nanoTime();
        stack.transactions.complete(stack.sent.get(0), new SipOutcome.FinalResponse(200, "OK",
                List.of(new SipHeader("Expires", "2")), Optional.empty()));

        Request refresh = stack.awaitSent(1, Duration.ofSeconds(2));
        long refreshedAfter = System.nanoTime() - granted;
        stack.transactions.complete(stack.sent.get(1), new SipOutcome.FinalResponse(200, "OK",
                List.of(new SipHeader("Expires", "2")), Optional.empty()));
        Request second = stack.awaitSent(2, Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(refreshedAfter)).as("half of the 2 s granted, within one tick")
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(1).plus(Subscriptions.TICK).plusMillis(200));
        assertThat(((CallIdHeader) refresh.getHeader(CallIdHeader.NAME)).getCallId()).isEqualTo(id.callId());
        assertThat(((ToHeader) refresh.getHeader(ToHeader.NAME)).getTag()).isEqualTo(FakeStack.REMOTE_TAG);
        assertThat(cseq(refresh)).isEqualTo(initialCseq + 1);
        assertThat(cseq(second)).isEqualTo(initialCseq + 2);
        assertThat(refresh.getHeader("Expires").toString()).contains("600");
    }

    @Test
    void aRefusedSubscriptionDeletesItsDialog() throws Exception {
        subscriptions.subscribe(REQUEST);

        stack.transactions.complete(stack.sent.get(0), new SipOutcome.FinalResponse(403, "Forbidden", List.of(),
                Optional.empty()));

        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(SubscriptionEvent.Terminated.class);
        assertThat(stack.dialogs.get(0).deleted()).isTrue();
    }

    private void accept(int index) {
        stack.transactions.complete(stack.sent.get(index), new SipOutcome.FinalResponse(200, "OK",
                List.of(new SipHeader("Expires", "600")), Optional.empty()));
    }

    private static long cseq(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }
}
