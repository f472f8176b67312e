package org.parley.gateway.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs all health checks in parallel on a small bounded pool and collects their results within one timeout.
 * A check that has not answered by then is reported down and interrupted; if checks hang so long that the
 * pool is full, further runs report them down at once instead of queueing without bound.
 */
public final class HealthProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    private static final int MAX_THREADS = 16;
    private static final int QUEUE_CAPACITY = 64;

    private final List<HealthCheck> checks;
    private final Duration timeout;
    private final ThreadPoolExecutor pool;

    /**
     * @param checks  the checks, with unique names, in report order
     * @param timeout how long one run waits for all checks together
     */
    public HealthProbe(List<? extends HealthCheck> checks, Duration timeout) {
        this(checks, timeout, Math.max(2, Math.min(MAX_THREADS, 2 * checks.size())), QUEUE_CAPACITY);
    }

    /** With a pool of {@code threads} threads and a queue of {@code queueCapacity} checks waiting for one. */
    HealthProbe(List<? extends HealthCheck> checks, Duration timeout, int threads, int queueCapacity) {
        this.checks = List.copyOf(checks);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health check timeout must be positive: " + timeout);
        }
        Set<String> names = new HashSet<>();
        for (HealthCheck check : this.checks) {
            if (!names.add(check.name())) {
                throw new IllegalArgumentException("two health checks named " + check.name());
            }
        }
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new DaemonThreads("parley-health"));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs every check; returns within about the timeout. */
    public HealthReport run() {
        long end = System.nanoTime() + timeout.toNanos();
        pool.purge(); // checks cancelled while still queued give their place back
        List<Future<Health>> pending = new ArrayList<>(checks.size());
        for (HealthCheck check : checks) {
            pending.add(submit(check));
        }
        Map<String, Health> results = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            results.put(checks.get(i).name(), await(checks.get(i), pending.get(i), end));
        }
        return new HealthReport(results);
    }

    /** Stops the pool, interrupting checks still running. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Future<Health> submit(HealthCheck check) {
        try {
            return pool.submit(check::check);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private Health await(HealthCheck check, Future<Health> future, long end) {
        if (future == null) {
            return Health.down("not run: health check threads are all busy with checks that do not answer");
        }
        try {
            Health health = future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            return health != null ? health : Health.down("check returned no result");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.debug("health check {} threw", check.name(), cause);
            return Health.down(cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warn("health check {} did not answer within {}", check.name(), Durations.text(timeout));
            return Health.down("no answer within " + Durations.text(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Health.down("interrupted while waiting for the check");
        } catch (CancellationException e) {
            return Health.down("cancelled: the admin server is stopping");
        }
    }
}
