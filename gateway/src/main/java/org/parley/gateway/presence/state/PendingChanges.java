package org.parley.gateway.presence.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The writer's queue: changes waiting to be written, at most one per key, in the order their keys were first
 * queued. A change for a waiting key replaces the waiting change and shares its future, which completes when
 * the latest change for the key is committed. Bounded by the number of waiting keys. Thread-safe; producers
 * never block.
 */
final class PendingChanges {

    /** A waiting change and the future its callers hold. */
    record Waiting(StateChange change, CompletableFuture<Void> done) {
    }

    /** The outcome of {@link #offer}. */
    sealed interface Offer {

        /** The stage a caller gets: completes when the change is written, or fails saying why it was not. */
        CompletionStage<Void> stage();

        /** Queued (or merged into the waiting change for its key); {@code done} completes when written. */
        record Accepted(CompletableFuture<Void> done, boolean coalesced) implements Offer {
            @Override
            public CompletionStage<Void> stage() {
                return done.minimalCompletionStage();
            }
        }

        /** Not queued. */
        record Refused(StateWriteException.Reason reason, String message) implements Offer {
            @Override
            public CompletionStage<Void> stage() {
                return CompletableFuture.failedStage(new StateWriteException(reason, message));
            }
        }
    }

    private final int capacity;
    private final Map<StateKey, Waiting> waiting = new LinkedHashMap<>();
    private boolean closed;

    PendingChanges(int capacity) {
        this.capacity = capacity;
    }

    synchronized Offer offer(StateChange change) {
        if (closed) {
            return new Offer.Refused(StateWriteException.Reason.CLOSED, "The presence-state writer is closed");
        }
        Waiting previous = waiting.get(change.key());
        if (previous != null) {
            waiting.put(change.key(), new Waiting(change, previous.done()));
            return new Offer.Accepted(previous.done(), true);
        }
        if (waiting.size() >= capacity) {
            return new Offer.Refused(StateWriteException.Reason.QUEUE_FULL, "The presence-state write queue is full ("
                    + capacity + " changes wait for the store); the change was not queued");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.put(change.key(), new Waiting(change, done));
        notifyAll();
        return new Offer.Accepted(done, false);
    }

    /**
     * Removes and returns up to {@code max} waiting changes, oldest keys first, waiting while there are none.
     * Returns an empty list once closed and drained.
     */
    /** Waits until a change waits or the queue is closed. */
    synchronized void awaitWork() throws InterruptedException {
        while (waiting.isEmpty() && !closed) {
            wait();
        }
    }

    /** Whether {@link #close()} was called. */
    synchronized boolean isClosed() {
        return closed;
    }

    synchronized List<Waiting> take(int max) throws InterruptedException {
        while (waiting.isEmpty() && !closed) {
            wait();
        }
        List<Waiting> batch = new ArrayList<>(Math.min(max, waiting.size()));
        Iterator<Waiting> it = waiting.values().iterator();
        while (it.hasNext() && batch.size() < max) {
            batch.add(it.next());
            it.remove();
        }
        return batch;
    }

    /** Refuses further offers; what waits can still be taken. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Removes everything waiting and fails it with {@code failure}. */
    void failAll(StateWriteException failure) {
        List<Waiting> left;
        synchronized (this) {
            left = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        left.forEach(w -> w.done().completeExceptionally(failure));
    }

    synchronized int size() {
        return waiting.size();
    }
}
