package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;

/**
 * SUBSCRIBEs paced on a manual clock and scheduler: at most the rate in any one-second window, first come first
 * sent, ids valid before sending, waiting ones cancelled without SIP traffic, and a full queue reported as ended.
 */
class PacedSubscriberTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final ManualTime time = new ManualTime();
    private final List<Sent> sent = new ArrayList<>();
    private final List<SubscriptionId> unsubscribed = new ArrayList<>();
    private final List<SubscriptionEvent> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final SipSubscriber sip = new SipSubscriber() {
        @Override
        public SubscriptionId subscribe(SubscribeRequest request) {
            throw new AssertionError("the paced subscriber chooses the Call-ID");
        }

        @Override
        public void subscribe(SubscriptionId id, SubscribeRequest request) {
            sent.add(new Sent(id, request.to(), time.now));
        }

        @Override
        public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
            sent.add(new Sent(new SubscriptionId(dialog.callId()), "resume " + request.to(), time.now));
            return new SubscriptionId(dialog.callId());
        }

        @Override
        public void unsubscribe(SubscriptionId id) {
            unsubscribed.add(id);
        }
    };

    private record Sent(SubscriptionId id, String to, long at) {
    }

    @Test
    void sendsAtOnceWithTheReturnedIdAsCallIdWhileUnderTheRate() {
        PacedSubscriber paced = paced(3, 10);

        List<SubscriptionId> returned = IntStream.range(0, 3).mapToObj(i -> paced.subscribe(request(i))).toList();

        assertThat(sent).extracting(Sent::id).containsExactlyElementsOf(returned);
        assertThat(returned).doesNotHaveDuplicates();
        assertThat(time.tasks).isEmpty();
        assertThat(paced.waiting()).isZero();
    }

    @Test
    void queuesBeyondTheRateAndSendsTheRestInOrderAsTheWindowMoves() {
        PacedSubscriber paced = paced(2, 10);

        List<SubscriptionId> returned = IntStream.range(0, 5).mapToObj(i -> paced.subscribe(request(i))).toList();
        assertThat(sent).hasSize(2);
        assertThat(paced.waiting()).isEqualTo(3);

        time.runUntilIdle();

        assertThat(sent).extracting(Sent::id).containsExactlyElementsOf(returned);
        assertThat(sent).extracting(Sent::at).containsExactly(0L, 0L, SECOND, SECOND, 2 * SECOND);
        assertThat(paced.waiting()).isZero();
    }

    @Test
    void neverSendsMoreThanTheRateInAnyOneSecondWindowOverALongBacklog() {
        PacedSubscriber paced = paced(10, 1_000);
        time.now = 123_456_789;

        IntStream.range(0, 95).forEach(i -> paced.subscribe(request(i)));
        time.runUntilIdle();

        assertThat(sent).extracting(Sent::to).containsExactlyElementsOf(
                IntStream.range(0, 95).mapToObj(PacedSubscriberTest::uri).toList());
        for (Sent first : sent) {
            long inWindow = sent.stream().filter(s -> s.at() >= first.at() && s.at() < first.at() + SECOND).count();
            assertThat(inWindow).as("sent within a second of %s", first).isLessThanOrEqualTo(10);
        }
        assertThat(sent.get(94).at() - sent.get(0).at()).isEqualTo(9 * SECOND);
    }

    @Test
    void holdsToTheStartRateUntilTheEdgeReachesTheGatewayThenSendsAtTheFullRate() {
        PacedSubscriber paced = slowStarting(100, 2, 1000);
        IntStream.range(0, 50).forEach(i -> paced.subscribe(request(i)));

        time.runUntil(3 * SECOND - 1);
        assertThat(sent).as("2 per second for 3 seconds").hasSize(6);
        assertThat(paced.currentRate()).isEqualTo(2);

        paced.edgeReached();
        time.runUntilIdle();

        assertThat(sent).extracting(Sent::to).containsExactlyElementsOf(
                IntStream.range(0, 50).mapToObj(PacedSubscriberTest::uri).toList());
        assertThat(sent.get(49).at()).as("the rest within the next second").isLessThanOrEqualTo(4 * SECOND);
        assertThat(paced.currentRate()).isEqualTo(100);
    }

    @Test
    void endsTheSlowStartAtItsLimitWhenNothingArrivesFromTheEdge() {
        PacedSubscriber paced = slowStarting(100, 1, 1000);
        IntStream.range(0, 40).forEach(i -> paced.subscribe(request(i)));

        time.runUntilIdle();

        long limit = PacedSubscriber.SlowStart.LIMIT_SECONDS * SECOND;
        assertThat(sentBefore(limit)).as("one per second until the limit")
                .isEqualTo(PacedSubscriber.SlowStart.LIMIT_SECONDS);
        assertThat(sent).hasSize(40);
        assertThat(sent.get(39).at()).as("the rest at the full rate").isLessThanOrEqualTo(limit + SECOND);
    }

    @Test
    void theLinksLossStartsTheSlowStartAgainUntilTheEdgeReachesTheGatewayAgain() {
        PacedSubscriber paced = slowStarting(100, 2, 1000);
        paced.edgeReached();
        IntStream.range(0, 10).forEach(i -> paced.subscribe(request(i)));
        assertThat(sent).as("the edge had reached the gateway: no slow start").hasSize(10);

        time.now = 5 * SECOND;
        paced.edgeDown();
        IntStream.range(10, 20).forEach(i -> paced.subscribe(request(i)));
        assertThat(sent).hasSize(12);
        assertThat(paced.currentRate()).isEqualTo(2);

        paced.edgeReached();
        time.runUntilIdle();
        assertThat(sent).hasSize(20);
        assertThat(sent.get(19).at()).isLessThanOrEqualTo(6 * SECOND);
    }

    @Test
    void aStartRateAtTheFullRateIsNoSlowStart() {
        PacedSubscriber paced = slowStarting(5, 5, 100);

        IntStream.range(0, 5).forEach(i -> paced.subscribe(request(i)));

        assertThat(sent).hasSize(5);
        assertThat(paced.currentRate()).isEqualTo(5);
    }

    @Test
    void aStoredDialogIsRefreshedInItsTurnUnderItsOwnCallId() {
        PacedSubscriber paced = paced(1, 10);
        paced.subscribe(request(0));
        SipDialogSnapshot stored = new SipDialogSnapshot("stored-1@gw.test", "sip:alice@jabber.test", "a1",
                uri(1), "b1", "sip:bob@10.0.0.1", List.of(), 7);

        SubscriptionId id = paced.resume(stored, request(1));
        assertThat(id).isEqualTo(new SubscriptionId("stored-1@gw.test"));
        assertThat(sent).hasSize(1);
        time.runUntilIdle();

        assertThat(sent).extracting(Sent::to).containsExactly(uri(0), "resume " + uri(1));
        assertThat(sent).extracting(Sent::at).containsExactly(0L, SECOND);
    }

    @Test
    void aLaterSubscribeWaitsBehindTheQueueEvenWhenTheRateWouldAllowIt() {
        PacedSubscriber paced = paced(1, 10);
        paced.subscribe(request(0));
        paced.subscribe(request(1));
        time.now = 2 * SECOND; // the window has room again, but request 1 is still waiting

        paced.subscribe(request(2));
        time.runUntilIdle();

        assertThat(sent).extracting(Sent::to).containsExactly(uri(0), uri(1), uri(2));
    }

    @Test
    void unsubscribingAWaitingSubscriptionDropsItWithoutSipTrafficAndReportsItsEnd() {
        PacedSubscriber paced = paced(1, 10);
        paced.subscribe(request(0));
        SubscriptionId waiting = paced.subscribe(request(1));

        paced.unsubscribe(waiting);
        assertThat(events).as("not delivered from within the caller's unsubscribe").isEmpty();
        time.runUntilIdle();

        assertThat(events).containsExactly(new SubscriptionEvent.Terminated(waiting, PacedSubscriber.CANCELLED));
        assertThat(sent).extracting(Sent::to).containsExactly(uri(0));
        assertThat(unsubscribed).isEmpty();
        assertThat(paced.waiting()).isZero();
    }

    @Test
    void unsubscribingASentSubscriptionGoesToTheSipModule() {
        PacedSubscriber paced = paced(1, 10);
        SubscriptionId first = paced.subscribe(request(0));

        paced.unsubscribe(first);
        time.runUntilIdle();

        assertThat(unsubscribed).containsExactly(first);
        assertThat(events).isEmpty();
    }

    @Test
    void aFullQueueEndsTheNewSubscriptionAsATransientFailureInsteadOfLosingIt() {
        PacedSubscriber paced = paced(1, 2);
        paced.subscribe(request(0));
        paced.subscribe(request(1));
        paced.subscribe(request(2));

        SubscriptionId refused = paced.subscribe(request(3));
        assertThat(events).isEmpty();
        time.runUntilIdle();

        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionEvent.Terminated.class, ended -> {
            assertThat(ended.id()).isEqualTo(refused);
            assertThat(ended.reason()).startsWith(PacedSubscriber.OVERFLOW).contains("2 waiting");
            assertThat(SubscriptionEnd.of(ended.reason())).isEqualTo(SubscriptionEnd.LOSE_PRESENCE);
        });
        assertThat(sent).extracting(Sent::to).containsExactly(uri(0), uri(1), uri(2));
    }

    @Test
    void aDrainTheWorkersDroppedIsScheduledAgainByTheNextSubscribe() {
        PacedSubscriber paced = paced(1, 10);
        paced.subscribe(request(0));
        paced.subscribe(request(1));
        time.tasks.clear(); // the workers were full: the drain is lost
        time.now = 3 * SECOND;

        paced.subscribe(request(2));
        time.runUntilIdle();

        assertThat(sent).extracting(Sent::to).containsExactly(uri(0), uri(1), uri(2));
    }

    @Test
    void aSubscribeTheSipModuleRefusesIsReportedEnded() {
        SipSubscriber failing = new SipSubscriber() {
            @Override
            public SubscriptionId subscribe(SubscribeRequest request) {
                throw new AssertionError("not used");
            }

            @Override
            public void unsubscribe(SubscriptionId id) {
            }
        };
        PacedSubscriber paced = new PacedSubscriber(failing, 1, PacedSubscriber.SlowStart.of(1), 1, this::nextId,
                events::add, time, () -> time.now);

        SubscriptionId id = paced.subscribe(request(0));
        time.runUntilIdle();

        assertThat(events).singleElement().isInstanceOfSatisfying(SubscriptionEvent.Terminated.class,
                ended -> assertThat(ended.id()).isEqualTo(id));
    }

    private PacedSubscriber paced(int rate, int capacity) {
        return slowStarting(rate, rate, capacity);
    }

    private PacedSubscriber slowStarting(int rate, int startRate, int capacity) {
        return new PacedSubscriber(sip, rate, PacedSubscriber.SlowStart.of(startRate), capacity, this::nextId,
                events::add, time, () -> time.now);
    }

    private long sentBefore(long nanos) {
        return sent.stream().filter(s -> s.at() < nanos).count();
    }

    private SubscriptionId nextId() {
        return new SubscriptionId("call-" + ids.incrementAndGet() + "@gw.test");
    }

    private static SubscribeRequest request(int n) {
        return SubscribeRequest.presence("sip:alice@jabber.test", uri(n), Duration.ofSeconds(3600));
    }

    private static String uri(int n) {
        return "sip:user" + n + "@contoso.test";
    }

    /** A clock and a scheduler that runs due tasks in time order when told to. */
    private static final class ManualTime implements Scheduler {
        long now;
        final List<Task> tasks = new ArrayList<>();
        private long sequence;

        private record Task(long due, long sequence, Runnable work) {
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(new Task(now + delay.toNanos(), sequence++, task));
        }

        /** Runs the tasks due up to {@code time} in due order, moving the clock to each one's time, then to it. */
        void runUntil(long time) {
            for (int guard = 0; tasks.stream().anyMatch(task -> task.due() <= time); guard++) {
                assertThat(guard).as("runaway scheduling").isLessThan(100_000);
                Task next = tasks.stream().filter(task -> task.due() <= time)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence)).orElseThrow();
                tasks.remove(next);
                now = Math.max(now, next.due());
                next.work().run();
            }
            now = Math.max(now, time);
        }

        /** Runs every task in due order, moving the clock to each one's time. */
        void runUntilIdle() {
            for (int guard = 0; !tasks.isEmpty(); guard++) {
                assertThat(guard).as("runaway scheduling").isLessThan(100_000);
                Task next = tasks.stream()
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence)).orElseThrow();
                tasks.remove(next);
                now = Math.max(now, next.due());
                next.work().run();
            }
        }
    }
}
