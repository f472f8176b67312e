package org.parley.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.config.Endpoint;
import org.parley.gateway.lifecycle.StopReport.Outcome;

class LifecycleTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final FakeService.Journal journal = new FakeService.Journal();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedServices() {
        release.countDown();
    }

    private FakeService service(String name) {
        return new FakeService(name, journal);
    }

    @Test
    void startsServicesInOrderAndReportsTheirEndpoints() {
        Lifecycle lifecycle = new Lifecycle(List.of(service("a"), service("bb"), service("ccc")));

        StartResult result = lifecycle.start();

        assertThat(result).isInstanceOf(StartResult.Started.class);
        assertThat(((StartResult.Started) result).endpoints()).extracting(BoundEndpoint::toString)
                .containsExactly("a test 127.0.0.1:1001", "bb test 127.0.0.1:1002", "ccc test 127.0.0.1:1003");
        assertThat(journal.events()).containsExactly("start a", "start bb", "start ccc");
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.RUNNING);
    }

    @Test
    void stopsServicesInReverseOrder() {
        Lifecycle lifecycle = new Lifecycle(List.of(service("a"), service("b"), service("c")));
        lifecycle.start();

        StopReport report = lifecycle.stop();

        assertThat(journal.events()).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
        assertThat(report.services(Outcome.STOPPED)).containsExactly("c", "b", "a");
        assertThat(report.clean()).isTrue();
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPED);
    }

    @Test
    void rollsBackStartedServicesInReverseOrderWhenOneFailsToStart() {
        IOException boom = new IOException("disk on fire");
        Lifecycle lifecycle = new Lifecycle(List.of(
                service("a"), service("b"), service("c").failingStart(boom), service("d")));

        StartResult result = lifecycle.start();

        assertThat(result).isInstanceOf(StartResult.Failed.class);
        StartResult.Failed failed = (StartResult.Failed) result;
        assertThat(failed.service()).isEqualTo("c");
        assertThat(failed.cause()).isSameAs(boom);
        assertThat(failed.message()).isEqualTo("cannot start c: disk on fire");
        assertThat(failed.bindFailure()).isEmpty();
        assertThat(failed.rollback().services(Outcome.STOPPED)).containsExactly("b", "a");
        assertThat(journal.events()).containsExactly("start a", "start b", "start c", "stop b", "stop a");
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.FAILED);
    }

    @Test
    void failedStartNamesTheAddressWhenTheCauseIsABindFailure() {
        BindFailure bind = new BindFailure(new ListenTarget("xmpp s2s",
                new Endpoint("0.0.0.0", 5269), "xmpp/listen"),
                BindProblem.ADDRESS_IN_USE, null);
        Lifecycle lifecycle = new Lifecycle(List.of(service("a"), service("xmpp").failingStart(bind)));

        StartResult.Failed failed = (StartResult.Failed) lifecycle.start();

        assertThat(failed.bindFailure()).containsSame(bind);
        assertThat(failed.message()).isEqualTo("cannot listen on 0.0.0.0:5269 (xmpp s2s): address already in use"
                + " — stop the other process or change <xmpp><listen port> in conf/gateway.xml");
    }

    @Test
    void concurrentStopsStopEachServiceOnceAndReturnTheSameReport() throws Exception {
        FakeService a = service("a");
        FakeService slow = service("slow").stopWaitingFor(release);
        Lifecycle lifecycle = new Lifecycle(List.of(a, slow), BOUND);
        lifecycle.start();

        CompletableFuture<StopReport> first = CompletableFuture.supplyAsync(lifecycle::stop);
        assertThat(slow.entered.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<StopReport> second = new CompletableFuture<>();
        Thread secondThread = new Thread(() -> second.complete(lifecycle.stop()), "second-stop");
        secondThread.start();
        awaitWaiting(secondThread);
        release.countDown();

        StopReport one = first.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        StopReport two = second.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(two).isEqualTo(one);
        assertThat(one.services(Outcome.STOPPED)).containsExactly("slow", "a");
        assertThat(a.stopCount()).isEqualTo(1);
        assertThat(slow.stopCount()).isEqualTo(1);
        assertThat(lifecycle.stop()).isEqualTo(one);
        assertThat(a.stopCount()).isEqualTo(1);
    }

    @Test
    void abandonsAServiceWhoseStopOutlastsTheDeadlineAndSkipsTheRest() {
        FakeService first = service("first");
        FakeService stuck = service("stuck").stopWaitingFor(release);
        Lifecycle lifecycle = new Lifecycle(List.of(first, stuck), Duration.ofMillis(200));
        lifecycle.start();

        StopReport report = assertTimeoutPreemptively(BOUND, lifecycle::stop);

        assertThat(report.services(Outcome.ABANDONED)).containsExactly("stuck");
        assertThat(report.services(Outcome.NOT_ATTEMPTED)).containsExactly("first");
        assertThat(report.clean()).isFalse();
        assertThat(first.stopCount()).isZero();
        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPED);
    }

    @Test
    void reportsAServiceWhoseStopFailsAndStillStopsTheOthers() {
        Lifecycle lifecycle = new Lifecycle(List.of(
                service("a"), service("b").failingStop(new IllegalStateException("already closed"))));
        lifecycle.start();

        StopReport report = lifecycle.stop();

        assertThat(report.services(Outcome.FAILED)).containsExactly("b");
        assertThat(report.entries().get(0).detail()).contains("already closed");
        assertThat(report.services(Outcome.STOPPED)).containsExactly("a");
    }

    @Test
    void awaitStopReturnsOnceAnotherThreadStopped() throws Exception {
        Lifecycle lifecycle = new Lifecycle(List.of(service("a")));
        lifecycle.start();
        assertThat(lifecycle.awaitStop(Duration.ofMillis(1))).isFalse();

        CompletableFuture.runAsync(lifecycle::stop);

        assertThat(lifecycle.awaitStop(BOUND)).isTrue();
        assertThat(journal.events()).containsExactly("start a", "stop a");
    }

    @Test
    void stopBeforeStartCancelsTheStart() {
        Lifecycle lifecycle = new Lifecycle(List.of(service("a"), service("b")));

        assertThat(lifecycle.stop().entries()).isEmpty();
        StartResult result = lifecycle.start();

        assertThat(result).isEqualTo(new StartResult.Cancelled(List.of("a", "b")));
        assertThat(journal.events()).isEmpty();
    }

    @Test
    void stopDuringStartStopsWhatStartedAndCancelsTheRest() throws Exception {
        CountDownLatch startGate = new CountDownLatch(1);
        FakeService slowStart = service("slow").startWaitingFor(startGate);
        Lifecycle lifecycle = new Lifecycle(List.of(service("a"), slowStart, service("c")), BOUND);
        CompletableFuture<StartResult> starting = CompletableFuture.supplyAsync(lifecycle::start);
        assertThat(slowStart.entered.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

        StopReport report = lifecycle.stop();
        startGate.countDown();
        StartResult result = starting.get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertThat(report.services(Outcome.STOPPED)).containsExactly("a");
        assertThat(result).isEqualTo(new StartResult.Cancelled(List.of("c")));
        assertThat(journal.events()).containsExactly("start a", "start slow", "stop a", "stop slow");
        assertThat(slowStart.stopCount()).isEqualTo(1);
    }

    @Test
    void refusesToStartTwice() {
        Lifecycle lifecycle = new Lifecycle(List.of(service("a")));
        lifecycle.start();

        assertThatIllegalStateException().isThrownBy(lifecycle::start).withMessageContaining("twice");
    }

    @Test
    void refusesTwoServicesWithTheSameName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Lifecycle(List.of(service("a"), service("a"))))
                .withMessageContaining("two services named a");
    }

    /** Waits (bounded) until {@code thread} blocks, i.e. has reached the wait for the first stop. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long end = System.nanoTime() + BOUND.toNanos();
        List<Thread.State> blocked = new ArrayList<>(List.of(Thread.State.WAITING, Thread.State.TIMED_WAITING));
        while (!blocked.contains(thread.getState())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("thread did not block: " + thread.getState());
            }
            Thread.onSpinWait();
            thread.join(1);
        }
    }
}
