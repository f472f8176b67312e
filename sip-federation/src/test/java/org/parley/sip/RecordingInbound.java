package org.parley.sip;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** A {@link SipInbound} for tests: records what arrives and answers requests with a chosen status. */
final class RecordingInbound implements SipInbound {

    final BlockingQueue<InboundRequest> requests = new LinkedBlockingQueue<>();
    final BlockingQueue<SubscriptionEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<WatcherEvent> watcherEvents = new LinkedBlockingQueue<>();
    private final ToIntFunction<InboundRequest> answer;
    private volatile Consumer<SipNotifier> decision = notifier -> { };
    final BlockingQueue<CallEvent> callEvents = new LinkedBlockingQueue<>();
    /** Each edge state reported, with the name of the thread that reported it. */
    final BlockingQueue<String> edgeStates = new LinkedBlockingQueue<>();
    private volatile Consumer<IncomingCall> callAnswer = call -> { };

    RecordingInbound(ToIntFunction<InboundRequest> answer) {
        this.answer = answer;
    }

    static RecordingInbound answering(int status) {
        return new RecordingInbound(request -> status);
    }

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        requests.add(request);
        responder.respond(answer.applyAsInt(request));
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        events.add(event);
    }

    /** What to do with each new watcher's notifier (default: nothing, so the module decides). */
    RecordingInbound deciding(Consumer<SipNotifier> value) {
        this.decision = value;
        return this;
    }

    @Override
    public void onWatcher(WatcherEvent event) {
        watcherEvents.add(event);
        if (event instanceof WatcherEvent.Subscribed subscribed) {
            decision.accept(subscribed.notifier());
        }
    }

    @Override
    public void onEdgeState(EdgeState state) {
        edgeStates.add(state + " on " + Thread.currentThread().getName());
    }

    /** What to do with each offered call (default: nothing). */
    RecordingInbound answeringCalls(Consumer<IncomingCall> value) {
        this.callAnswer = value;
        return this;
    }

    @Override
    public void onCall(CallEvent event) {
        callEvents.add(event);
        if (event instanceof CallEvent.Offered offered) {
            callAnswer.accept(offered.call());
        }
    }

    CallEvent nextCallEvent(Duration timeout) throws InterruptedException {
        CallEvent event = callEvents.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no call event within " + timeout);
        }
        return event;
    }

    WatcherEvent nextWatcherEvent(Duration timeout) throws InterruptedException {
        WatcherEvent event = watcherEvents.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no watcher event within " + timeout);
        }
        return event;
    }

    InboundRequest nextRequest(Duration timeout) throws InterruptedException {
        InboundRequest request = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("no request within " + timeout);
        }
        return request;
    }

    SubscriptionEvent nextEvent(Duration timeout) throws InterruptedException {
        SubscriptionEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no subscription event within " + timeout);
        }
        return event;
    }
}
