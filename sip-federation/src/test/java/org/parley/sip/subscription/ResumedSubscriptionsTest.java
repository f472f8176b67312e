package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeStack;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;

/**
 * The gateway's subscriptions taken back after a restart from their stored dialog (RFC 6665 §4.1.2.2): refreshed in
 * that dialog, NOTIFYs matched by its Call-ID, and a 481 to the refresh reported for the application to subscribe
 * anew.
 */
class ResumedSubscriptionsTest {

    private static final SipDialogSnapshot STORED = new SipDialogSnapshot("s-1@gw.test", "sip:alice@jabber.test",
            "gw-tag", "sip:bob@contoso.test", "ps-tag", "sip:bob@192.0.2.9:5070;transport=tcp",
            List.of("<sip:edge.test;lr>"), 12);
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
    void aStoredDialogIsRefreshedInPlaceAboveItsStoredCseq() throws Exception {
        SubscriptionId id = subscriptions.resume(STORED, REQUEST);

        assertThat(id).isEqualTo(new SubscriptionId("s-1@gw.test"));
        Request refresh = stack.sent.get(0).getRequest();
        assertThat(refresh.getMethod()).isEqualTo(Request.SUBSCRIBE);
        assertThat(refresh.getRequestURI().toString()).isEqualTo("sip:bob@192.0.2.9:5070;transport=tcp");
        assertThat(((ToHeader) refresh.getHeader(ToHeader.NAME)).getTag()).isEqualTo("ps-tag");
        assertThat(((CSeqHeader) refresh.getHeader(CSeqHeader.NAME)).getSeqNumber())
                .isEqualTo(12 + SipDialogSnapshot.RESUME_CSEQ_MARGIN + 1);
        assertThat(refresh.getHeader("Route").toString()).contains("sip:edge.test;lr");
        assertThat(refresh.getHeader("Event").toString()).contains("presence");
        assertThat(refresh.getHeader("Expires").toString()).contains("600");
        assertThat(refresh.getHeader("Contact").toString()).contains("sip:gw.test:5061;transport=tls");

        stack.transactions.complete(stack.sent.get(0), new SipOutcome.FinalResponse(200, "OK",
                List.of(new SipHeader("Expires", "600")), Optional.empty()));

        SubscriptionEvent accepted = events.poll(5, TimeUnit.SECONDS);
        assertThat(accepted).isInstanceOfSatisfying(SubscriptionEvent.Accepted.class, a -> {
            assertThat(a.refresh()).isTrue();
            assertThat(a.expires()).isEqualTo(Duration.ofSeconds(600));
            assertThat(a.dialog()).hasValueSatisfying(d -> assertThat(d.localCseq())
                    .isEqualTo(12 + SipDialogSnapshot.RESUME_CSEQ_MARGIN + 1));
        });
    }

    @Test
    void aNotifyInTheResumedDialogIsMatchedByCallIdAndItsContactBecomesTheTarget() throws Exception {
        subscriptions.resume(STORED, REQUEST);

        int status = subscriptions.onNotify(new InboundRequest("NOTIFY", "sip:gw.test:5061;transport=tls",
                "sip:bob@contoso.test", "sip:alice@jabber.test", "s-1@gw.test",
                List.of(new SipHeader("Subscription-State", "active;expires=500"),
                        new SipHeader("Contact", "<sip:bob@198.51.100.3:5090;transport=tcp>")), Optional.empty()));
        subscriptions.unsubscribe(new SubscriptionId("s-1@gw.test"));

        assertThat(status).isEqualTo(200);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(SubscriptionEvent.Notified.class);
        assertThat(stack.sent).hasSize(2);
        assertThat(stack.sent.get(1).getRequest().getRequestURI().toString())
                .isEqualTo("sip:bob@198.51.100.3:5090;transport=tcp");
    }

    @Test
    void a481ToTheRefreshEndsTheSubscriptionForTheApplicationToSubscribeAnew() throws Exception {
        subscriptions.resume(STORED, REQUEST);

        stack.transactions.complete(stack.sent.get(0), new SipOutcome.FinalResponse(481,
                "Call/Transaction Does Not Exist", List.of(), Optional.empty()));

        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(new SubscriptionEvent.Terminated(
                new SubscriptionId("s-1@gw.test"), "refresh failed: 481 Call/Transaction Does Not Exist"));
        assertThat(subscriptions.owns("s-1@gw.test")).isFalse();
    }
}
