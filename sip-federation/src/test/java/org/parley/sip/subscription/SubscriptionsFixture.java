package org.parley.sip.subscription;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import org.parley.sip.EventInbound;
import org.parley.sip.FakeStack;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;

/**
 * The gateway's {@link Subscriptions} over a {@link FakeStack}, events delivered on the calling thread and
 * collected, and a real scheduler for their sweep: what the subscription tests share. Close it after each test.
 */
final class SubscriptionsFixture implements AutoCloseable {

    /** alice's presence SUBSCRIBE to bob, 600 s. */
    static final SubscribeRequest REQUEST = SubscribeRequest.presence("sip:alice@jabber.test",
            "sip:bob@contoso.test", Duration.ofSeconds(600));

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final FakeStack stack = new FakeStack(scheduler);
    final BlockingQueue<SubscriptionEvent> events = new LinkedBlockingQueue<>();
    final Subscriptions subscriptions = new Subscriptions(stack.runtime, stack.factory, stack.sender,
            EventInbound.subscriptionsTo(events::add), scheduler, Runnable::run);

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
