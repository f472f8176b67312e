package org.parley.sip.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedLanesTest {

    private static final int TASKS = 200;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTheTasksOfOneKeyOneAtATimeInSubmissionOrderWhileTheFirstIsHeldBack() throws Exception {
        KeyedLanes<String> lanes = new KeyedLanes<>(pool, 1_000);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(TASKS);
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            lanes.execute("alice@jabber.test", () -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                if (n == 0) {
                    firstStarted.countDown();
                    await(releaseFirst);
                }
                order.add(n);
                running.decrementAndGet();
                done.countDown();
            });
            if (i == 0) {
                assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(order).as("nothing overtakes the held-back first task").isEmpty();
        releaseFirst.countDown();

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(order).containsExactlyElementsOf(IntStream.range(0, TASKS).boxed().toList());
    }

    @Test
    void runsOtherKeysWhileOneKeyIsBusy() throws Exception {
        KeyedLanes<String> lanes = new KeyedLanes<>(pool, 1_000);
        CountDownLatch releaseAlice = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(3 * 10);
        lanes.execute("alice", () -> await(releaseAlice));
        for (String key : List.of("bob", "carol", "dave")) {
            for (int i = 0; i < 10; i++) {
                lanes.execute(key, othersDone::countDown);
            }
        }

        assertThat(othersDone.await(10, TimeUnit.SECONDS)).as("other senders are not held up by alice").isTrue();
        releaseAlice.countDown();
    }

    @Test
    void keepsEachKeysOrderAmongManyKeysSubmittedFromSeveralThreads() throws Exception {
        KeyedLanes<Integer> lanes = new KeyedLanes<>(pool, 100_000);
        int keys = 20;
        ConcurrentHashMap<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(keys * TASKS);
        ExecutorService submitters = Executors.newFixedThreadPool(2);
        try {
            for (int s = 0; s < 2; s++) {
                int half = s;
                submitters.execute(() -> {
                    for (int n = 0; n < TASKS; n++) {
                        for (int key = half; key < keys; key += 2) {
                            int k = key;
                            int value = n;
                            lanes.execute(k, () -> {
                                seen.computeIfAbsent(k, any -> new CopyOnWriteArrayList<>()).add(value);
                                done.countDown();
                            });
                        }
                    }
                });
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            submitters.shutdownNow();
        }
        assertThat(seen).hasSize(keys);
        seen.values().forEach(values ->
                assertThat(values).containsExactlyElementsOf(IntStream.range(0, TASKS).boxed().toList()));
    }

    @Test
    void refusesASubmitBeyondTheCapacityOnTheCallersThreadAndAcceptsAgainOnceTasksStarted() {
        List<Runnable> handedOver = new ArrayList<>();
        KeyedLanes<String> lanes = new KeyedLanes<>(handedOver::add, 3);
        List<String> ran = new ArrayList<>();
        lanes.execute("alice", () -> ran.add("alice 1"));
        lanes.execute("alice", () -> ran.add("alice 2"));
        lanes.execute("bob", () -> ran.add("bob 1"));

        assertThatThrownBy(() -> lanes.execute("carol", () -> ran.add("carol 1")))
                .isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> lanes.execute("alice", () -> ran.add("alice 3")))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(lanes.waiting()).isEqualTo(3);
        assertThat(handedOver).as("one pool task per key").hasSize(2);

        handedOver.forEach(Runnable::run);
        lanes.execute("carol", () -> ran.add("carol 1"));
        handedOver.get(2).run();

        assertThat(ran).containsExactly("alice 1", "alice 2", "bob 1", "carol 1");
        assertThat(lanes.waiting()).isZero();
        assertThat(lanes.activeKeys()).isZero();
    }

    @Test
    void refusesWhenThePoolRefusesTheLaneAndKeepsNothing() {
        KeyedLanes<String> lanes = new KeyedLanes<>(task -> {
            throw new RejectedExecutionException("full");
        }, 10);

        assertThatThrownBy(() -> lanes.execute("alice", () -> { }))
                .isInstanceOf(RejectedExecutionException.class).hasMessage("full");
        assertThat(lanes.waiting()).isZero();
        assertThat(lanes.activeKeys()).isZero();
    }

    @Test
    void runsTheLaterTasksOfAKeyAfterOneThrew() {
        List<Runnable> handedOver = new ArrayList<>();
        KeyedLanes<String> lanes = new KeyedLanes<>(handedOver::add, 10);
        List<String> ran = new ArrayList<>();
        lanes.execute("alice", () -> {
            throw new IllegalStateException("a bug in one stanza's handling");
        });
        lanes.execute("alice", () -> ran.add("second"));

        handedOver.forEach(Runnable::run);
        lanes.execute("alice", () -> ran.add("third"));
        handedOver.get(handedOver.size() - 1).run();

        assertThat(ran).containsExactly("second", "third");
        assertThat(handedOver).as("the lane ended and started again").hasSize(2);
        assertThat(lanes.activeKeys()).isZero();
    }

    @Test
    void handsTheRestOfALaneToAnotherThreadWhenATaskEndsItsThreadWithAnError() {
        List<Runnable> handedOver = new ArrayList<>();
        KeyedLanes<String> lanes = new KeyedLanes<>(handedOver::add, 10);
        List<String> ran = new ArrayList<>();
        lanes.execute("alice", () -> {
            throw new StackOverflowError("deep");
        });
        lanes.execute("alice", () -> ran.add("second"));

        assertThatThrownBy(() -> handedOver.get(0).run()).isInstanceOf(StackOverflowError.class);
        assertThat(handedOver).hasSize(2);
        handedOver.get(1).run();

        assertThat(ran).containsExactly("second");
        assertThat(lanes.activeKeys()).isZero();
    }

    @Test
    void leavesNoLaneBehindOnceEveryKeysWorkHasRun() throws Exception {
        KeyedLanes<Integer> lanes = new KeyedLanes<>(pool, 100_000);
        AtomicInteger ran = new AtomicInteger();
        for (int key = 0; key < 1_000; key++) {
            for (int n = 0; n < 3; n++) {
                lanes.execute(key, ran::incrementAndGet);
            }
        }
        pool.shutdown();

        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).hasValue(3_000);
        assertThat(lanes.activeKeys()).isZero();
        assertThat(lanes.waiting()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
