package org.parley.gateway.allowlist;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.gateway.config.FederationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway's live view of the allow list: an immutable {@link AllowListSnapshot} that a single daemon
 * thread refreshes by polling the store's allow-list revision every {@code pollInterval}, so additions, changes
 * and removals made by another process (the CLI, another gateway on a shared database) take effect without a
 * restart. Lookups never touch the database and are safe from any thread, including Netty event loops.
 *
 * <p>Changes the poller sees are logged at INFO and passed to {@link AllowListListener}s. If the store fails
 * while polling, the last snapshot stays in effect; the failure is logged once as a warning and the recovery
 * once at INFO.
 *
 * <p>The poller thread is never interrupted (interrupting a thread in H2's embedded file I/O closes the file):
 * {@link #stop()} lets the current poll finish.
 */
public final class AllowList implements AutoCloseable {

    /** Polling interval that keeps changes visible within a second. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(AllowList.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private enum State { NEW, RUNNING, STOPPED }

    private final AllowListRepository repository;
    private final Duration pollInterval;
    private final List<AllowListListener> listeners = new CopyOnWriteArrayList<>();
    private volatile AllowListSnapshot current = AllowListSnapshot.EMPTY;
    private State state = State.NEW;                 // guarded by this
    private ScheduledExecutorService poller;         // guarded by this
    private boolean failing;                         // poller thread only

    public AllowList(AllowListRepository repository, Duration pollInterval) {
        this.repository = Objects.requireNonNull(repository, "repository");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
        }
        this.pollInterval = pollInterval;
    }

    /**
     * Loads the allow list (blocking, on the caller's thread) and starts polling. Does nothing if running.
     *
     * @throws org.parley.gateway.store.StoreException if the first load fails; nothing is started then
     * @throws IllegalStateException                   after {@link #stop()}
     */
    public synchronized void start() {
        if (state == State.RUNNING) {
            return;
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException("allow list was stopped; create a new one");
        }
        current = repository.snapshot();
        LOG.info("Allow list loaded: {} domain(s) at revision {}", current.entries().size(), current.revision());
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-allow-list-poller");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = pollInterval.toNanos();
        poller.scheduleWithFixedDelay(this::poll, nanos, nanos, TimeUnit.NANOSECONDS);
        state = State.RUNNING;
    }

    /** Stops polling and waits (bounded) for a poll in progress; the last snapshot stays readable. Idempotent. */
    public synchronized void stop() {
        if (state == State.RUNNING) {
            poller.shutdown();
            try {
                if (!poller.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Allow list poller still busy after {}; leaving it to finish", STOP_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state = State.STOPPED;
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** The entry for {@code domain} in the current snapshot, if listed (enabled or not). */
    public Optional<AllowListEntry> lookup(DomainName domain) {
        return current.lookup(domain);
    }

    /** The snapshot in effect ({@link AllowListSnapshot#EMPTY} before {@link #start()}). */
    public AllowListSnapshot snapshot() {
        return current;
    }

    /** The s2s policy decision for {@code domain} under federation {@code mode}; see {@link AllowListSnapshot#decide}. */
    public FederationDecision decide(FederationConfig.Mode mode, DomainName domain) {
        return current.decide(mode, domain);
    }

    /** Registers {@code listener} for changes observed from now on. */
    public void addListener(AllowListListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Unregisters {@code listener}; whether it was registered. */
    public boolean removeListener(AllowListListener listener) {
        return listeners.remove(listener);
    }

    private void poll() {
        try {
            if (repository.revision() != current.revision()) {
                apply(repository.snapshot());
            }
            if (failing) {
                failing = false;
                LOG.info("Allow list: store reachable again, polling resumed at revision {}", current.revision());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Allow list: cannot read the store, keeping the last {} domain(s) until it recovers: {}",
                        current.entries().size(), e.getMessage());
            }
        }
    }

    private static String describe(AllowListDiff.Change change) {
        String before = change.before().policy().describe();
        String after = change.after().policy().describe();
        if (change.before().origin() != change.after().origin()) {
            before += " from " + change.before().origin().token();
            after += " from " + change.after().origin().token();
        }
        return before + " -> " + after;
    }

    private void apply(AllowListSnapshot next) {
        AllowListDiff diff = AllowListDiff.between(current, next);
        current = next;
        if (diff.isEmpty()) {
            return;
        }
        diff.added().forEach(e -> LOG.info("Allow list: {} added ({})", e.domain(), e.policy().describe()));
        diff.changed().forEach(c -> LOG.info("Allow list: {} changed ({})", c.after().domain(), describe(c)));
        diff.removed().forEach(e -> LOG.info("Allow list: {} removed", e.domain()));
        for (AllowListListener listener : listeners) {
            try {
                listener.allowListChanged(diff, next);
            } catch (RuntimeException e) {
                LOG.warn("Allow list listener {} failed", listener, e);
            }
        }
    }
}
