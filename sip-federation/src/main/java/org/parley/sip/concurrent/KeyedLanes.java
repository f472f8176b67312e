package org.parley.sip.concurrent;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks of one key (a sender) one at a time in submission order, and tasks of different keys in parallel,
 * on the threads of a shared pool: RFC 6120 §10.1 asks stanzas from one entity to be processed in order, and a
 * gateway must not reorder the MESSAGEs of one sender (RFC 3428 §7 delivery is only best effort, but reordering
 * would be added by the gateway).
 *
 * <p>Each key with work has a lane: a queue and at most one pool task draining it. A lane exists only while it
 * has work: the last task of a lane removes it, so idle keys leave nothing behind. A key never holds more than
 * one pool thread, so one busy sender cannot starve the others. Exact lanes per key were chosen over a fixed
 * number of hashed stripes: stripes would need no removal, but two busy senders hashed to the same stripe would
 * wait for each other, and a stripe count would be one more setting.
 *
 * <p>At most {@code capacity} tasks wait (not yet started) across all lanes; a submit beyond that, or one whose
 * new lane the pool refuses, throws {@link RejectedExecutionException} on the caller's thread, so the caller
 * can answer at once ({@code resource-constraint}, 503). A task that throws is logged and its lane goes on.
 *
 * <p>The pool must hand tasks off without blocking (a {@code ThreadPoolExecutor} with a bounded queue and the
 * abort policy): it is called with this object's lock held so that a refused lane is undone atomically. An
 * executor that runs tasks on the caller's thread works too, but then runs them under that lock.
 *
 * @param <K> the key, e.g. a sender's bare JID or From URI; equal keys share a lane
 */
public final class KeyedLanes<K> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedLanes.class);

    private final Executor pool;
    private final int capacity;
    private final Object lock = new Object();
    private final Map<K, Lane> lanes = new HashMap<>();
    private int waiting;

    /**
     * @param pool     the threads that run the lanes
     * @param capacity how many tasks may wait across all keys, at least 1
     */
    public KeyedLanes(Executor pool, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.pool = Objects.requireNonNull(pool, "pool");
        this.capacity = capacity;
    }

    /**
     * Runs {@code task} after the tasks submitted earlier with an equal {@code key}.
     *
     * @throws RejectedExecutionException when {@code capacity} tasks are waiting already or the pool refuses to
     *                                    start the key's lane; nothing is queued then
     */
    public void execute(K key, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        synchronized (lock) {
            if (waiting >= capacity) {
                throw new RejectedExecutionException(capacity + " tasks are waiting already");
            }
            Lane lane = lanes.get(key);
            if (lane != null) {
                lane.tasks.add(task);
                waiting++;
                return;
            }
            Lane started = new Lane(key);
            started.tasks.add(task);
            lanes.put(key, started);
            waiting++;
            try {
                pool.execute(started);
            } catch (RejectedExecutionException refused) {
                lanes.remove(key);
                waiting--;
                throw refused;
            }
        }
    }

    /** How many tasks wait, not yet started (for metrics and tests). */
    public int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    /** How many keys have work waiting or running; 0 once everything submitted has run. */
    public int activeKeys() {
        synchronized (lock) {
            return lanes.size();
        }
    }

    /** The next task of {@code lane}; null, after removing the lane, when it has none. */
    private Runnable next(Lane lane) {
        synchronized (lock) {
            Runnable task = lane.tasks.poll();
            if (task == null) {
                lanes.remove(lane.key);
                return null;
            }
            waiting--;
            return task;
        }
    }

    /** The tasks of one key, drained by one pool task at a time. */
    private final class Lane implements Runnable {

        private final K key;
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        private Lane(K key) {
            this.key = key;
        }

        @Override
        public void run() {
            for (Runnable task = next(this); task != null; task = next(this)) {
                boolean returned = false;
                try {
                    task.run();
                    returned = true;
                } catch (RuntimeException failed) {
                    returned = true;
                    LOG.warn("a task for {} failed; its later tasks still run", key, failed);
                } finally {
                    if (!returned) {
                        handOver();
                    }
                }
            }
        }

        /** After an {@link Error} left this thread: the rest of the lane goes on on another pool thread. */
        private void handOver() {
            synchronized (lock) {
                if (tasks.isEmpty()) {
                    lanes.remove(key);
                    return;
                }
                try {
                    pool.execute(this);
                } catch (RejectedExecutionException refused) {
                    LOG.error("dropping {} task(s) for {}: a task failed with an error and the pool refuses "
                            + "the rest", tasks.size(), key);
                    waiting -= tasks.size();
                    tasks.clear();
                    lanes.remove(key);
                }
            }
        }
    }
}
