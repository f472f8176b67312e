package org.parley.gateway.presence.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-behind for the presence state: {@link #submit} queues a change and returns at once; one thread of its own
 * writes the queue in batches, one transaction per batch, so that a burst of changes costs a few commits and no
 * database round trip ever happens on a Netty event loop or a JAIN-SIP thread (issue 6, "Scale"). While the store
 * is busy it lingers briefly before each batch ({@link StateWriterSettings#linger}), so that a stream of updates is
 * written in batches rather than one commit per update.
 *
 * <p>Each change's stage completes when the batch holding it is committed: a caller acknowledges a subscription
 * change only after that ("durable before acknowledging"). Changes for a key still waiting are coalesced: only
 * the latest is written, and every caller's stage completes with it. The queue is bounded by waiting keys; when
 * it is full, or a value is too long for its column, or the writer is closed, the stage fails at once with a
 * {@link StateWriteException} saying why. When a batch cannot be committed, each of its stages fails (nothing
 * is retried: callers decide), and the outage is logged once. {@link #close()} writes what is queued before it
 * returns.
 *
 * <p>Stage callbacks registered without an executor run on the writer thread and delay the next batch: keep them
 * short or use the {@code *Async} variants. The writer thread is never interrupted (interrupting H2's file I/O
 * closes the database). Thread-safe.
 */
public final class StateWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateWriter.class);

    private final PresenceStateRepository repository;
    private final StateWriterSettings settings;
    private final PendingChanges pending;
    private final OutageLog outage = new OutageLog(LOG);
    private final Thread thread;
    private final AtomicBoolean fullLogged = new AtomicBoolean();
    private final AtomicLong committedBatches = new AtomicLong();
    private final AtomicLong writtenChanges = new AtomicLong();
    private final AtomicLong coalescedChanges = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong refusedChanges = new AtomicLong();

    private StateWriter(PresenceStateRepository repository, StateWriterSettings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pending = new PendingChanges(settings.queueCapacity());
        this.thread = new Thread(this::run, "parley-presence-state-writer");
        this.thread.setDaemon(true);
    }

    /** A writer to {@code repository}, its thread started. */
    public static StateWriter start(PresenceStateRepository repository, StateWriterSettings settings) {
        StateWriter writer = new StateWriter(repository, settings);
        writer.thread.start();
        return writer;
    }

    /**
     * Queues {@code change}. Never blocks.
     *
     * @return a stage that completes when the change (or a later one for the same key) is committed, or fails
     *         with a {@link StateWriteException}
     */
    public CompletionStage<Void> submit(StateChange change) {
        return offer(change).stage();
    }

    /** Queues {@code change}; the offer says whether it was accepted. */
    PendingChanges.Offer offer(StateChange change) {
        Objects.requireNonNull(change, "change");
        Optional<String> tooLarge = ColumnLimits.problem(change);
        PendingChanges.Offer offer = tooLarge.isPresent()
                ? new PendingChanges.Offer.Refused(StateWriteException.Reason.TOO_LARGE,
                        "Presence state for " + change.key() + " is too large to store: " + tooLarge.get())
                : pending.offer(change);
        if (offer instanceof PendingChanges.Offer.Accepted accepted) {
            if (accepted.coalesced()) {
                coalescedChanges.incrementAndGet();
            }
        } else {
            refusedChanges.incrementAndGet();
            PendingChanges.Offer.Refused refused = (PendingChanges.Offer.Refused) offer;
            if (refused.reason() != StateWriteException.Reason.QUEUE_FULL) {
                LOG.debug("{}", refused.message());
            } else if (!fullLogged.getAndSet(true)) {
                LOG.warn("{}; further changes are refused until a batch is written", refused.message());
            }
        }
        return offer;
    }

    /** The counters so far. */
    public StateWriterStats stats() {
        return new StateWriterStats(committedBatches.get(), writtenChanges.get(), coalescedChanges.get(),
                failedBatches.get(), refusedChanges.get(), pending.size());
    }

    private void run() {
        try {
            List<PendingChanges.Waiting> batch;
            long lastCommit = System.nanoTime() - StateWriterSettings.BUSY_WINDOW.toNanos() - 1;
            while (true) {
                pending.awaitWork();
                if (!settings.linger().isZero() && !pending.isClosed()
                        && System.nanoTime() - lastCommit < StateWriterSettings.BUSY_WINDOW.toNanos()) {
                    Thread.sleep(settings.linger().toMillis(), settings.linger().toNanosPart() % 1_000_000);
                }
                batch = pending.take(settings.maxBatchSize());
                if (batch.isEmpty()) {
                    break;
                }
                write(batch);
                lastCommit = System.nanoTime();
            }
        } catch (InterruptedException e) {
            LOG.error("The presence-state writer was interrupted; queued changes fail");
        } finally {
            pending.close();
            pending.failAll(new StateWriteException(StateWriteException.Reason.CLOSED,
                    "The presence-state writer stopped before writing the change"));
        }
    }

    private void write(List<PendingChanges.Waiting> batch) {
        try {
            repository.write(batch.stream().map(PendingChanges.Waiting::change).toList());
        } catch (RuntimeException e) {
            failedBatches.incrementAndGet();
            outage.failed(e, batch.size());
            StateWriteException failure = new StateWriteException(StateWriteException.Reason.STORE_FAILED,
                    "Presence state could not be written: " + e.getMessage(), e);
            batch.forEach(waiting -> waiting.done().completeExceptionally(failure));
            return;
        }
        committedBatches.incrementAndGet();
        writtenChanges.addAndGet(batch.size());
        outage.succeeded();
        fullLogged.set(false);
        batch.forEach(waiting -> waiting.done().complete(null));
    }

    /**
     * Refuses further changes, writes those queued and stops the thread, waiting at most the configured close
     * timeout; if the store is that slow, the thread goes on writing in the background and a warning says so.
     */
    @Override
    public void close() {
        pending.close();
        try {
            thread.join(Math.max(1, settings.closeTimeout().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The presence-state writer still has {} changes to write after {}; they are written in the"
                    + " background", pending.size(), settings.closeTimeout());
        }
    }

    /** Whether the writer thread has stopped (after {@link #close()} and the queue written). */
    boolean isStopped() {
        return !thread.isAlive();
    }
}
