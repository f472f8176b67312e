package org.parley.gateway.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.gateway.lifecycle.StopReport.Entry;
import org.parley.gateway.lifecycle.StopReport.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops services one after the other within one total deadline. Each {@link Service#stop()} runs on its own
 * daemon thread so that a stop which hangs can be abandoned (and interrupted) without holding up the caller
 * or the JVM's exit.
 */
final class ServiceStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStopper.class);

    private final Duration deadline;

    ServiceStopper(Duration deadline) {
        this.deadline = deadline;
    }

    /** Stops {@code services} in the order given; returns within about the deadline. */
    StopReport stopAll(List<Service> services) {
        long end = System.nanoTime() + deadline.toNanos();
        List<Entry> entries = new ArrayList<>(services.size());
        for (Service service : services) {
            long remaining = end - System.nanoTime();
            if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                LOG.warn("not stopping {}: stop deadline of {} exceeded", service.name(), deadline);
                entries.add(new Entry(service.name(), Outcome.NOT_ATTEMPTED, "stop deadline of " + deadline
                        + " exceeded"));
            } else {
                entries.add(stopOne(service, remaining));
            }
        }
        return new StopReport(entries);
    }

    private Entry stopOne(Service service, long remainingNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                service.stop();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "parley-stop-" + service.name());
        thread.setDaemon(true);
        thread.start();
        try {
            done.get(remainingNanos, TimeUnit.NANOSECONDS);
            LOG.info("stopped {}", service.name());
            return new Entry(service.name(), Outcome.STOPPED, "");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("stopping {} failed", service.name(), cause);
            return new Entry(service.name(), Outcome.FAILED, String.valueOf(cause));
        } catch (TimeoutException e) {
            LOG.warn("abandoning {}: it did not stop within the stop deadline of {}", service.name(), deadline);
            thread.interrupt();
            return new Entry(service.name(), Outcome.ABANDONED, "did not stop within " + deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("abandoning {}: interrupted while waiting for it to stop", service.name());
            thread.interrupt();
            return new Entry(service.name(), Outcome.ABANDONED, "interrupted while waiting for it to stop");
        }
    }
}
