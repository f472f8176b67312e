package org.parley.sip;

import java.util.function.Consumer;

/**
 * A {@link SipInbound} for unit tests that expect only subscription events or only watcher events: hands those to a
 * sink and fails the test on a request (no MESSAGE or INVITE is expected there).
 */
public final class EventInbound implements SipInbound {

    private final Consumer<SubscriptionEvent> subscriptions;
    private final Consumer<WatcherEvent> watchers;

    private EventInbound(Consumer<SubscriptionEvent> subscriptions, Consumer<WatcherEvent> watchers) {
        this.subscriptions = subscriptions;
        this.watchers = watchers;
    }

    /** Subscription events go to {@code sink}; watchers get the default refusal. */
    public static SipInbound subscriptionsTo(Consumer<SubscriptionEvent> sink) {
        return new EventInbound(sink, null);
    }

    /** Watcher events go to {@code sink}; a subscription event fails the test. */
    public static SipInbound watchersTo(Consumer<WatcherEvent> sink) {
        return new EventInbound(event -> {
            throw new AssertionError("no subscription expected: " + event);
        }, sink);
    }

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        throw new AssertionError("no request expected: " + request.method());
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        subscriptions.accept(event);
    }

    @Override
    public void onWatcher(WatcherEvent event) {
        if (watchers == null) {
            SipInbound.super.onWatcher(event);
        } else {
            watchers.accept(event);
        }
    }
}
