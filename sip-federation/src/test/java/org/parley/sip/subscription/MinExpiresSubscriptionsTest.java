package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeStack;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;

/**
 * A SUBSCRIBE answered 423 Interval Too Brief is sent again once with the Min-Expires (RFC 6665 §4.1.2.1, §4.1.2.2;
 * RFC 3261 §10.2.8): a new request with the same Call-ID for a new subscription, in the dialog for a refresh; the
 * raised Expires is kept for later refreshes.
 */
class MinExpiresSubscriptionsTest {

    private static final SubscribeRequest REQUEST = SubscriptionsFixture.REQUEST;
    private static final SipDialogSnapshot STORED = new SipDialogSnapshot("s-1@gw.test", "sip:alice@jabber.test",
            "gw-tag", "sip:bob@contoso.test", "ps-tag", "sip:bob@192.0.2.9:5070;transport=tcp",
            List.of("<sip:edge.test;lr>"), 12);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SubscriptionsFixture fixture = new SubscriptionsFixture();
    private final FakeStack stack = fixture.stack;
    private final BlockingQueue<SubscriptionEvent> events = fixture.events;
    private final Subscriptions subscriptions = fixture.subscriptions;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anInitialSubscribeAnswered423IsSentAgainWithTheSameCallIdANewFromTagAndTheMinExpires() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);
        Request first = sent(0);

        answer(0, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "7200")));

        Request retry = sent(1);
        assertThat(retry.getMethod()).isEqualTo(Request.SUBSCRIBE);
        assertThat(expires(first)).isEqualTo(600);
        assertThat(expires(retry)).isEqualTo(7200);
        assertThat(callId(retry)).isEqualTo(id.callId()).isEqualTo(callId(first));
        assertThat(fromTag(retry)).isNotEmpty().isNotEqualTo(fromTag(first));
        assertThat(((ToHeader) retry.getHeader(ToHeader.NAME)).getTag()).isNull();
        assertThat(retry.getHeader("Event").toString()).contains("presence");
        assertThat(events).isEmpty();
        assertThat(subscriptions.owns(id.callId())).isTrue();

        answer(1, 200, "OK", List.of(new SipHeader("Expires", "7200")));

        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOfSatisfying(
                SubscriptionEvent.Accepted.class, a -> {
                    assertThat(a.id()).isEqualTo(id);
                    assertThat(a.expires()).isEqualTo(Duration.ofSeconds(7200));
                    assertThat(a.refresh()).isFalse();
                });
    }

    @Test
    void aSecond423EndsTheSubscriptionAsRefused() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);
        answer(0, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "7200")));

        answer(1, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "14400")));

        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new SubscriptionEvent.Terminated(id, "refused: 423 Interval Too Brief"));
        assertThat(stack.sent).hasSize(2);
        assertThat(subscriptions.owns(id.callId())).isFalse();
    }

    @Test
    void a423WithoutMinExpiresEndsTheSubscriptionAsBefore() throws Exception {
        SubscriptionId id = subscriptions.subscribe(REQUEST);

        answer(0, 423, "Interval Too Brief", List.of());

        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new SubscriptionEvent.Terminated(id, "refused: 423 Interval Too Brief"));
        assertThat(stack.sent).hasSize(1);
    }

    @Test
    void aRefreshAnswered423IsSentAgainInTheDialogAndLaterRefreshesKeepTheRaisedExpires() throws Exception {
        SubscriptionId id = subscriptions.resume(STORED, REQUEST);

        answer(0, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "7200")));

        Request retry = sent(1);
        assertThat(expires(retry)).isEqualTo(7200);
        assertThat(callId(retry)).isEqualTo(id.callId());
        assertThat(fromTag(retry)).isEqualTo("gw-tag");
        assertThat(((ToHeader) retry.getHeader(ToHeader.NAME)).getTag()).isEqualTo("ps-tag");
        assertThat(cseq(retry)).isEqualTo(cseq(sent(0)) + 1);

        answer(1, 200, "OK", List.of(new SipHeader("Expires", "2")));

        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOfSatisfying(
                SubscriptionEvent.Accepted.class, a -> assertThat(a.refresh()).isTrue());
        Request nextRefresh = sent(2);
        assertThat(expires(nextRefresh)).isEqualTo(7200);
        assertThat(cseq(nextRefresh)).isEqualTo(cseq(retry) + 1);
    }

    @Test
    void aRefreshAnswered423TwiceFailsAsARefresh() throws Exception {
        SubscriptionId id = subscriptions.resume(STORED, REQUEST);
        answer(0, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "7200")));

        answer(1, 423, "Interval Too Brief", List.of(new SipHeader("Min-Expires", "7200")));

        assertThat(events.poll(WAIT.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new SubscriptionEvent.Terminated(id, "refresh failed: 423 Interval Too Brief"));
    }

    private void answer(int index, int status, String reason, List<SipHeader> headers) throws InterruptedException {
        stack.transactions.complete(stack.sent.get(index),
                new SipOutcome.FinalResponse(status, reason, headers, Optional.empty()));
    }

    private Request sent(int index) throws InterruptedException {
        return stack.awaitSent(index, WAIT);
    }

    private static int expires(Request request) {
        return ((ExpiresHeader) request.getHeader(ExpiresHeader.NAME)).getExpires();
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String fromTag(Request request) {
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
    }

    private static long cseq(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }
}
