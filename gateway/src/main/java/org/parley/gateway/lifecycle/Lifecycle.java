package org.parley.gateway.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order given and stops them in reverse order.
 *
 * <ul>
 *   <li>{@link #start()} (once): if a service fails, those already started are stopped again in reverse order
 *       and the failure is returned as {@link StartResult.Failed}.</li>
 *   <li>{@link #stop()}: idempotent and thread-safe; the first call stops each started service exactly once,
 *       within a total deadline (a service exceeding it is logged and abandoned); concurrent and later calls
 *       wait for that stop and return the same report. It may be called while {@link #start()} is running
 *       (a shutdown signal during start-up): start then ends with {@link StartResult.Cancelled}.</li>
 *   <li>{@link #awaitStop()}: blocks until stopped, for running in the foreground.</li>
 * </ul>
 */
public final class Lifecycle {

    /** The default total time allowed for {@link #stop()}. */
    public static final Duration DEFAULT_STOP_DEADLINE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Where the lifecycle is; transitions happen under {@link #lock}. */
    public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final List<Service> services;
    private final ServiceStopper stopper;
    private final Object lock = new Object();
    private final List<Service> started = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private State state = State.NEW;
    private StopReport stopReport = StopReport.empty();

    /** Services in start order, with the {@linkplain #DEFAULT_STOP_DEADLINE default stop deadline}. */
    public Lifecycle(List<? extends Service> services) {
        this(services, DEFAULT_STOP_DEADLINE);
    }

    /** Services in start order; {@code stopDeadline} bounds the whole of {@link #stop()}. */
    public Lifecycle(List<? extends Service> services, Duration stopDeadline) {
        this.services = List.copyOf(services);
        Objects.requireNonNull(stopDeadline, "stopDeadline");
        if (stopDeadline.isNegative() || stopDeadline.isZero()) {
            throw new IllegalArgumentException("stop deadline must be positive: " + stopDeadline);
        }
        Set<String> names = new HashSet<>();
        for (Service service : this.services) {
            if (!names.add(service.name())) {
                throw new IllegalArgumentException("two services named " + service.name());
            }
        }
        this.stopper = new ServiceStopper(stopDeadline);
    }

    /**
     * Starts every service in order.
     *
     * @throws IllegalStateException if start was already called
     */
    public StartResult start() {
        synchronized (lock) {
            if (state == State.STOPPED) {
                return new StartResult.Cancelled(names(services));
            }
            if (state != State.NEW) {
                throw new IllegalStateException("start called twice (lifecycle is " + state + ")");
            }
            state = State.STARTING;
        }
        List<BoundEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            synchronized (lock) {
                if (state != State.STARTING) {
                    return new StartResult.Cancelled(names(services.subList(i, services.size())));
                }
            }
            try {
                service.start();
            } catch (Exception e) {
                return rollBack(service, e);
            }
            if (!recordStarted(service)) {
                LOG.info("stop requested while {} was starting: stopping it", service.name());
                stopper.stopAll(List.of(service));
                return new StartResult.Cancelled(names(services.subList(i + 1, services.size())));
            }
            List<BoundEndpoint> own = service.endpoints();
            LOG.info("started {}{}", service.name(), own.isEmpty() ? "" : " on " + own);
            endpoints.addAll(own);
        }
        synchronized (lock) {
            if (state != State.STARTING) {
                return new StartResult.Cancelled(List.of());
            }
            state = State.RUNNING;
        }
        return new StartResult.Started(endpoints);
    }

    /**
     * Stops the started services in reverse order within the stop deadline; see the class description.
     *
     * @return how each service stopped (empty if none had been started)
     */
    public StopReport stop() {
        List<Service> toStop;
        synchronized (lock) {
            switch (state) {
                case NEW -> {
                    state = State.STOPPED;
                    stopped.countDown();
                    return stopReport;
                }
                case STARTING, RUNNING -> {
                    state = State.STOPPING;
                    toStop = drainStartedInReverse();
                }
                default -> toStop = null;
            }
        }
        if (toStop == null) {
            awaitStopUninterruptibly();
            synchronized (lock) {
                return stopReport;
            }
        }
        LOG.info("stopping {}", names(toStop));
        StopReport report = stopper.stopAll(toStop);
        finish(State.STOPPED, report);
        return report;
    }

    /** Blocks until the lifecycle has stopped (or failed to start). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Blocks until stopped or {@code timeout} passes; true if stopped. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The current state. */
    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    private boolean recordStarted(Service service) {
        synchronized (lock) {
            if (state != State.STARTING) {
                return false;
            }
            started.add(service);
            return true;
        }
    }

    private StartResult rollBack(Service failed, Exception cause) {
        List<Service> toStop;
        synchronized (lock) {
            if (state != State.STARTING) {
                // A concurrent stop() already took over the services started so far.
                return new StartResult.Failed(failed.name(), cause, StopReport.empty());
            }
            state = State.STOPPING;
            toStop = drainStartedInReverse();
        }
        LOG.error("{}", StartResult.Failed.describe(failed.name(), cause));
        if (!toStop.isEmpty()) {
            LOG.info("stopping {} again", names(toStop));
        }
        StopReport report = stopper.stopAll(toStop);
        finish(State.FAILED, report);
        return new StartResult.Failed(failed.name(), cause, report);
    }

    private List<Service> drainStartedInReverse() {
        List<Service> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        started.clear();
        return reversed;
    }

    private void finish(State end, StopReport report) {
        synchronized (lock) {
            state = end;
            stopReport = report;
        }
        stopped.countDown();
    }

    private void awaitStopUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> names(List<Service> services) {
        return services.stream().map(Service::name).toList();
    }
}
