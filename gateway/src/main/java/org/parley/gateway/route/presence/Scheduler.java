package org.parley.gateway.route.presence;

import java.time.Duration;

/** Runs a task later, off the caller's thread: the route workers' timer in the gateway, a manual clock in tests. */
@FunctionalInterface
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}. */
    void schedule(Runnable task, Duration delay);
}
