package org.parley.gateway.route;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.gateway.lifecycle.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes' own threads as a lifecycle service: a bounded pool that translates and forwards messages (handed
 * off from Netty event loops and SIP workers, ARCHITECTURE "Threading"), and one timer for the bounded waits. On
 * stop, waiting SIP transactions are answered first, then the pool drains within a short deadline.
 */
public final class RouteWorkers implements Service, Executor {

    private static final Logger LOG = LoggerFactory.getLogger(RouteWorkers.class);
    private static final long DRAIN_SECONDS = 3;
    private static final long DEFER_FIRST_MILLIS = 100;
    private static final int DEFER_DOUBLINGS = 5;

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final PendingDeliveries pending;
    private final AtomicLong deferred = new AtomicLong();

    /** Creates the threads' pools (threads start on first use) and the pending deliveries they serve. */
    public RouteWorkers(RouteSettings settings) {
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queue()), threads("parley-route"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("parley-route-timer"));
        this.pending = new PendingDeliveries(timer, pool, settings.bounceWait());
    }

    @Override
    public String name() {
        return "routes";
    }

    @Override
    public void start() {
        pool.prestartAllCoreThreads();
    }

    /**
     * Runs {@code task} on a route thread.
     *
     * @throws RejectedExecutionException when the queue is full or the service stopped: the caller answers the
     *                                    sender at once ({@code resource-constraint} / 503)
     */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /**
     * Runs {@code task} on a route thread after {@code delay} (e.g. a presence subscription retried). Scheduled work
     * is never dropped while the service runs: when the pool is full at the due time, the task is tried again after
     * a short, growing and jittered wait ({@link #deferral}), so that a burst of retries falling due together spreads
     * out instead of being lost. Dropped only once the service stops.
     */
    public void schedule(Runnable task, Duration delay) {
        try {
            timer.schedule(() -> runOrDefer(task, 0), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("route work not scheduled: the route workers are stopped");
        }
    }

    private void runOrDefer(Runnable task, int attempt) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException full) {
            if (pool.isShutdown()) {
                LOG.debug("scheduled route work dropped: the route workers are stopped");
                return;
            }
            long deferredSoFar = deferred.incrementAndGet();
            if (deferredSoFar == 1 || deferredSoFar % 1000 == 0) {
                LOG.warn("route workers full: scheduled work deferred ({} time(s) so far); it runs when there is room",
                        deferredSoFar);
            }
            try {
                timer.schedule(() -> runOrDefer(task, attempt + 1), deferral(attempt).toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                LOG.debug("scheduled route work dropped: the route workers are stopped");
            }
        }
    }

    /**
     * How long a scheduled task waits after the pool refused it for the {@code attempt}-th time (from 0): 100 ms
     * doubling up to 3.2 s, plus up to half of that again at random.
     */
    static Duration deferral(int attempt) {
        long base = DEFER_FIRST_MILLIS << Math.min(attempt, DEFER_DOUBLINGS);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** How many times scheduled work found the pool full and was deferred. */
    public long deferred() {
        return deferred.get();
    }

    /** SIP transactions waiting for the XMPP side's answer. */
    public PendingDeliveries pending() {
        return pending;
    }

    @Override
    public void stop() throws InterruptedException {
        int ended = pending.endAll();
        if (ended > 0) {
            LOG.info("answered {} waiting SIP transaction(s) while stopping", ended);
        }
        timer.shutdownNow();
        pool.shutdown();
        if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("route work still running after {} s; abandoning {} queued task(s)", DRAIN_SECONDS,
                    pool.shutdownNow().size());
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
