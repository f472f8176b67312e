package org.parley.gateway.lifecycle;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A service that records its starts and stops in a shared journal and can be told to fail or block. */
final class FakeService implements Service {

    /** The order of events across services, e.g. {@code ["start a", "start b", "stop b", "stop a"]}. */
    static final class Journal {
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());

        void add(String event) {
            events.add(event);
        }

        List<String> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }
    }

    private final String name;
    private final Journal journal;
    private final AtomicInteger stops = new AtomicInteger();
    private Exception startFailure;
    private Exception stopFailure;
    private CountDownLatch startGate;
    private CountDownLatch stopGate;
    final CountDownLatch entered = new CountDownLatch(1);

    FakeService(String name, Journal journal) {
        this.name = name;
        this.journal = journal;
    }

    /** {@link #start()} throws {@code failure}. */
    FakeService failingStart(Exception failure) {
        this.startFailure = failure;
        return this;
    }

    /** {@link #stop()} throws {@code failure}. */
    FakeService failingStop(Exception failure) {
        this.stopFailure = failure;
        return this;
    }

    /** {@link #start()} signals {@link #entered}, then waits for {@code gate}. */
    FakeService startWaitingFor(CountDownLatch gate) {
        this.startGate = gate;
        return this;
    }

    /** {@link #stop()} signals {@link #entered}, then waits for {@code gate} (interruptibly, at most a minute). */
    FakeService stopWaitingFor(CountDownLatch gate) {
        this.stopGate = gate;
        return this;
    }

    int stopCount() {
        return stops.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws Exception {
        journal.add("start " + name);
        if (startGate != null) {
            entered.countDown();
            startGate.await(1, TimeUnit.MINUTES);
        }
        if (startFailure != null) {
            throw startFailure;
        }
    }

    @Override
    public void stop() throws Exception {
        stops.incrementAndGet();
        journal.add("stop " + name);
        if (stopGate != null) {
            entered.countDown();
            stopGate.await(1, TimeUnit.MINUTES);
        }
        if (stopFailure != null) {
            throw stopFailure;
        }
    }

    @Override
    public List<BoundEndpoint> endpoints() {
        return List.of(new BoundEndpoint(name, "test", new InetSocketAddress("127.0.0.1", 1000 + name.length())));
    }
}
