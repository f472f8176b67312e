package org.parley.gateway.presence.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.parley.gateway.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's presence state: loaded from the store at start-up, read from memory, changed through
 * {@link #apply} which updates memory at once and the store in the background (issue 6, items 3 and 5).
 *
 * <p>Start-up: {@link #open} reads everything ({@link PresenceStateRepository#load}); {@link #takeRestored()} says
 * what to refresh, re-create and re-probe. Expired dialogs are not in the cache: re-create subscriber dialogs,
 * then remove the old ones through {@link #apply}, like the expired notifier dialogs.
 *
 * <p>Thread-safe. {@link #apply} never blocks on I/O, so routes may call it from any thread.
 */
public final class PresenceState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceState.class);

    private final AtomicReference<RestoredState> restored;
    private final PresenceStateCache cache;
    private final StateWriter writer;

    private PresenceState(RestoredState restored, PresenceStateCache cache, StateWriter writer) {
        this.restored = new AtomicReference<>(restored);
        this.cache = cache;
        this.writer = writer;
    }

    /**
     * Loads the state stored at {@code dataSource} as of {@code clock}'s now and starts writing changes to it.
     * Blocking; call at start-up, not on an event loop.
     *
     * @throws StoreException when the state cannot be read
     */
    public static PresenceState open(DataSource dataSource, Clock clock, StateWriterSettings settings) {
        Objects.requireNonNull(clock, "clock");
        PresenceStateRepository repository = new PresenceStateRepository(dataSource);
        long started = System.nanoTime();
        RestoredState restored = repository.load(clock.instant());
        PresenceStateCache cache = PresenceStateCache.of(restored);
        LOG.info("Presence state loaded in {} ms: {} authorizations, {} live dialogs ({} expired subscriber and {}"
                        + " expired notifier dialogs to re-create or drop), {} resources with a last known presence",
                (System.nanoTime() - started) / 1_000_000, restored.authorizations().size(), restored.dialogs().size(),
                restored.expiredSubscriberDialogs().size(), restored.expiredNotifierDialogs().size(),
                restored.lastPresence().size());
        return new PresenceState(restored, cache, StateWriter.start(repository, settings));
    }

    /**
     * What the store held at start-up, handed out once: the records are dropped here, so that after the restore
     * only the state that is still live stays on the heap. Later calls get nothing stored.
     */
    public RestoredState takeRestored() {
        RestoredState taken = restored.getAndSet(null);
        return taken != null ? taken : RestoredState.empty(Instant.EPOCH);
    }

    /** The current state, for lookups. */
    public PresenceStateCache cache() {
        return cache;
    }

    /**
     * Makes {@code change} visible in {@link #cache()} at once and queues it for the store. A change the writer
     * refuses at once (queue full, too large, closed) leaves the cache as it was.
     *
     * @return a stage that completes when the change is durable, or fails with a {@link StateWriteException};
     *         acknowledge subscription changes only after it completes
     */
    public synchronized CompletionStage<Void> apply(StateChange change) {
        PendingChanges.Offer offer = writer.offer(change);
        if (offer instanceof PendingChanges.Offer.Accepted) {
            cache.apply(change);
        }
        return offer.stage();
    }

    /** The writer's counters. */
    public StateWriterStats writerStats() {
        return writer.stats();
    }

    /** Writes what is queued (bounded by the close timeout) and stops writing. */
    @Override
    public void close() {
        writer.close();
    }
}
