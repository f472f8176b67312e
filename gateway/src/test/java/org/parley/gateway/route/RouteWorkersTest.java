package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.testpeers.Await;

/** Scheduled route work is deferred, not dropped, while the pool is full, and dropped quietly once stopped. */
class RouteWorkersTest {

    private final RouteWorkers workers = new RouteWorkers(new RouteSettings(Duration.ofSeconds(2), 1, 1,
            RouteSettings.DEFAULTS.toSip(), RouteSettings.DEFAULTS.toXmpp()));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        workers.stop();
    }

    @Test
    void scheduledWorkThatFindsThePoolFullRunsOnceThereIsRoom() throws Exception {
        workers.start();
        CountDownLatch busy = new CountDownLatch(1);
        workers.execute(() -> {
            busy.countDown();
            blockUntilReleased();
        });
        assertThat(busy.await(10, TimeUnit.SECONDS)).as("the one worker is busy").isTrue();
        workers.execute(() -> { }); // the one queue slot is taken
        CountDownLatch ran = new CountDownLatch(1);

        workers.schedule(ran::countDown, Duration.ZERO);
        Await.until(Duration.ofSeconds(10), "the scheduled task deferred", () -> workers.deferred() > 0);
        assertThat(ran.getCount()).as("not run while the pool is full").isEqualTo(1);
        release.countDown();

        assertThat(ran.await(10, TimeUnit.SECONDS)).as("run once the pool had room").isTrue();
    }

    @Test
    void scheduledWorkIsDroppedQuietlyOnceStopped() throws Exception {
        workers.start();
        workers.stop();

        workers.schedule(() -> { }, Duration.ZERO);

        assertThat(workers.deferred()).isZero();
    }

    @ParameterizedTest(name = "attempt {0}: {1}..{2} ms")
    @CsvSource({"0, 100, 150", "1, 200, 300", "5, 3200, 4800", "40, 3200, 4800"})
    void deferralGrowsFrom100msTo3200msWithJitterOfUpToHalf(int attempt, long min, long max) {
        for (int i = 0; i < 50; i++) {
            assertThat(RouteWorkers.deferral(attempt).toMillis()).isBetween(min, max);
        }
    }

    private void blockUntilReleased() {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
