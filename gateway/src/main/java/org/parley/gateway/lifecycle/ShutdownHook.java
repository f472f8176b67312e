package org.parley.gateway.lifecycle;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the JVM's shutdown (SIGTERM, SIGINT/Ctrl-C, {@code System.exit}) into an orderly {@link Lifecycle#stop()}.
 * {@link #close()} removes the hook again, e.g. once the lifecycle was stopped another way.
 */
public final class ShutdownHook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);

    private final Runtime runtime;
    private final Thread thread;
    private boolean installed;

    /** A hook (not yet installed) that stops {@code lifecycle} when this JVM shuts down. */
    public ShutdownHook(Lifecycle lifecycle) {
        this(lifecycle, Runtime.getRuntime());
    }

    /** A hook (not yet installed) that stops {@code lifecycle} on the JVM {@code runtime}. */
    public ShutdownHook(Lifecycle lifecycle, Runtime runtime) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.thread = new Thread(() -> stop(lifecycle), "parley-shutdown");
    }

    /**
     * Registers the hook with the runtime.
     *
     * @throws IllegalStateException if already installed, or if the JVM is already shutting down
     */
    public synchronized ShutdownHook install() {
        if (installed) {
            throw new IllegalStateException("shutdown hook already installed");
        }
        runtime.addShutdownHook(thread);
        installed = true;
        return this;
    }

    /** Removes the hook if installed; does nothing once the JVM is shutting down (the hook is then running). */
    @Override
    public synchronized void close() {
        if (!installed) {
            return;
        }
        try {
            runtime.removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("JVM is shutting down; the hook stays");
        }
        installed = false;
    }

    /** The hook's thread, to run its action directly in tests. */
    Thread thread() {
        return thread;
    }

    private static void stop(Lifecycle lifecycle) {
        LOG.info("shutting down");
        StopReport report = lifecycle.stop();
        if (report.clean()) {
            LOG.info("stopped");
        } else {
            LOG.warn("stopped with problems: {}", report.entries());
        }
    }
}
