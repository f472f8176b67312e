package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void runsTasksOneAtATimeInSubmissionOrderOnAMultiThreadedPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> order = new CopyOnWriteArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(2_000);
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                serial.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
            assertThat(order).containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsOnTheCallerWhenThePoolRefuses() {
        SerialExecutor serial = new SerialExecutor(task -> {
            throw new RejectedExecutionException("full");
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        serial.execute(() -> ran.add("first"));
        serial.execute(() -> ran.add("second"));
        assertThat(ran).containsExactly("first", "second");
    }
}
