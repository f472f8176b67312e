package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;

/** Each waiting message ends exactly once: by its error, its receipt, or the end of the bounded wait. */
class PendingDeliveriesTest {

    private static final Stanza SENT = Stanzas.parse(
            "<message from='bob@contoso.test' to='alice@jabber.test' id='s2x-1'><body>hi</body></message>");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<PendingDeliveries.Fate> fates = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void anErrorFromTheRecipientEndsTheWaitWithItsCondition() throws Exception {
        PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofSeconds(30));
        pending.await(SENT, fates::add);

        boolean ended = pending.errorArrived(Stanzas.parse("<message from='alice@jabber.test' to='bob@contoso.test' "
                + "id='s2x-1' type='error'><error type='cancel'><service-unavailable "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));

        assertThat(ended).isTrue();
        assertThat(fates.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(PendingDeliveries.Fate.Bounced.class,
                bounced -> assertThat(bounced.error().condition().elementName()).isEqualTo("service-unavailable"));
        assertThat(pending.size()).isZero();
    }

    @Test
    void anErrorWithTheSameIdFromSomeoneElseIsIgnored() {
        PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofSeconds(30));
        pending.await(SENT, fates::add);

        boolean ended = pending.errorArrived(Stanzas.parse("<message from='mallory@evil.test' to='bob@contoso.test' "
                + "id='s2x-1' type='error'><error type='cancel'><item-not-found "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"));

        assertThat(ended).isFalse();
        assertThat(fates).isEmpty();
        assertThat(pending.size()).isOne();
    }

    @Test
    void aReceiptFromTheRecipientAcknowledges() throws Exception {
        PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofSeconds(30));
        pending.await(SENT, fates::add);

        assertThat(pending.receiptArrived(Jid.of("alice@jabber.test/phone"), Jid.of("bob@contoso.test"), "s2x-1"))
                .isTrue();
        assertThat(fates.poll(5, TimeUnit.SECONDS)).isInstanceOf(PendingDeliveries.Fate.Acknowledged.class);
    }

    @Test
    void silenceEndsTheWaitUnansweredOnceItHasElapsed() throws Exception {
        PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofMillis(50));
        pending.await(SENT, fates::add);

        assertThat(fates.poll(5, TimeUnit.SECONDS)).isInstanceOf(PendingDeliveries.Fate.Unanswered.class);
        assertThat(pending.errorArrived(Stanzas.parse("<message from='alice@jabber.test' to='bob@contoso.test' "
                + "id='s2x-1' type='error'><error type='cancel'><item-not-found "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>"))).as("too late").isFalse();
        assertThat(fates).isEmpty();
    }

    @Test
    void aSecondMessageWithTheSameIdIsNotRegistered() {
        PendingDeliveries pending = new PendingDeliveries(timer, Runnable::run, Duration.ofSeconds(30));

        assertThat(pending.await(SENT, fates::add)).isTrue();
        assertThat(pending.await(SENT, fates::add)).isFalse();
        assertThat(pending.endAll()).isOne();
        assertThat(fates).hasSize(1);
    }
}
