package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the gateway's initial SUBSCRIBEs toward the edge (RFC 6665 §4.1.2.1): at most {@code rate} in any one-second
 * window, first come first sent, so that a restart ({@link PresenceRoute#restore}) or the edge's return
 * ({@link SipPresentities#edgeRestored}) does not fire every subscription at once.
 *
 * <p>{@link #subscribe} answers with an id at once, as the route needs: the id is allocated here (a fresh Call-ID)
 * and the SIP module sends the SUBSCRIBE with it as its Call-ID when its turn comes
 * ({@link SipSubscriber#subscribe(SubscriptionId, SubscribeRequest)}), so events, logs and the dialog all carry
 * the same id. What waits is held in a bounded FIFO queue:
 * <ul>
 *   <li>{@link #unsubscribe} of a subscription still waiting removes it without any SIP traffic and reports its
 *       {@link SubscriptionEvent.Terminated} ({@value #CANCELLED}), as a sent one would end;</li>
 *   <li>a subscription that finds the queue full is not sent: its {@code Terminated} says so
 *       ({@value #OVERFLOW} ...), a transient failure the route retries later ({@link SubscriptionEnd#LOSE_PRESENCE}).
 *   </li>
 * </ul>
 * A subscription taken back after a restart ({@link #resume}) waits in the same queue: its id is its stored
 * Call-ID, and its turn sends the refresh in the old dialog. Those events are delivered through the
 * {@link Scheduler} (the route workers), never from within the caller's {@code subscribe} or {@code unsubscribe}.
 * Unsubscribes of sent subscriptions pass through unpaced (they end load).
 *
 * <p><b>Slow start.</b> The edge answers a SUBSCRIBE over the gateway's connection, but relays the NOTIFYs that
 * follow over a TLS connection of its own toward the gateway's listening address (RFC 3261 §18.1.1; RFC 5923 aliases
 * aside), which it opens for the first of them; what it must relay meanwhile waits in a per-connection queue while
 * the handshake is pending, and a full queue drops the connection with every NOTIFY in it (Kamailio's {@code tls}
 * module, {@code con_ct_wq_max}, 64 KiB: about 80 NOTIFYs; see docs/benchmarks.md, "Early failures"). So until the
 * edge has reached the gateway ({@link #edgeReached}: any request from it), at most {@link SlowStart#rate()}
 * SUBSCRIBEs go per second; then the full rate. If nothing arrives from the edge within {@link SlowStart#limit()} of
 * the first SUBSCRIBE, the full rate applies anyway (a warning says so). The link's loss ({@link #edgeDown}) starts
 * the slow start again. Thread-safe.
 */
public final class PacedSubscriber implements SipSubscriber {

    /** The reason of the {@code Terminated} of a subscription unsubscribed while it waited. */
    public static final String CANCELLED = "unsubscribed before the SUBSCRIBE was sent";
    /** The start of the reason of the {@code Terminated} of a subscription refused by a full queue. */
    public static final String OVERFLOW = "not sent: the queue of SUBSCRIBEs toward the edge is full";

    private static final Logger LOG = LoggerFactory.getLogger(PacedSubscriber.class);
    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();
    /** The queue holds ten minutes of sending at the rate, and never fewer than {@value #MIN_CAPACITY}. */
    private static final int QUEUE_SECONDS = 600;
    private static final int MIN_CAPACITY = 10_000;

    private final SipSubscriber sip;
    private final Supplier<SubscriptionId> ids;
    private final Consumer<SubscriptionEvent> events;
    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final int capacity;
    /** When each of the last {@code rate} SUBSCRIBEs was sent; {@code oldest} indexes the earliest once full. */
    private final long[] sentAt;
    private final Map<SubscriptionId, Waiting> waiting = new LinkedHashMap<>();
    private final SlowStart slowStart;
    private int oldest;
    private long sent;
    /** Whether a request from the edge arrived since the start or the link's last loss. */
    private boolean reached;
    /** When the first SUBSCRIBE under the slow start went, or {@code -1} while none did. */
    private long slowSince = -1;
    private long sentSlowly;
    private boolean drainScheduled;
    private long drainDue;

    /**
     * The pace until the edge has reached the gateway ({@code <presence subscribe-start-rate>}).
     *
     * @param rate  the most SUBSCRIBEs per second until then; the full rate or more means no slow start
     * @param limit how long after the first SUBSCRIBE the slow start lasts at most when nothing arrives from the edge
     */
    public record SlowStart(int rate, Duration limit) {

        /** How long the slow start lasts at most: {@value #LIMIT_SECONDS} seconds. */
        public static final int LIMIT_SECONDS = 10;

        /** Requires a positive rate and a positive limit. */
        public SlowStart {
            if (rate < 1 || Objects.requireNonNull(limit, "limit").isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("invalid slow start: " + rate + "/s for " + limit);
            }
        }

        /** {@code rate} per second for at most {@value #LIMIT_SECONDS} s. */
        public static SlowStart of(int rate) {
            return new SlowStart(rate, Duration.ofSeconds(LIMIT_SECONDS));
        }
    }

    /** A SUBSCRIBE waiting for its turn: a new one, or the refresh of a stored dialog. */
    private record Waiting(SubscribeRequest request, Optional<SipDialogSnapshot> dialog) {
    }

    /**
     * @param sip       where SUBSCRIBEs go; must support a chosen Call-ID
     * @param rate      the most SUBSCRIBEs sent in any one second ({@code <presence subscribe-rate>})
     * @param slowStart the pace until the edge has reached the gateway
     * @param capacity  the most SUBSCRIBEs waiting
     * @param ids       new globally unique ids ({@link SubscriptionId#unique})
     * @param events    where the {@code Terminated} of subscriptions never sent go (the presence route)
     * @param scheduler runs the sending of waiting SUBSCRIBEs and the delivery of those events
     * @param nanoTime  a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public PacedSubscriber(SipSubscriber sip, int rate, SlowStart slowStart, int capacity, Supplier<SubscriptionId> ids,
                           Consumer<SubscriptionEvent> events, Scheduler scheduler, LongSupplier nanoTime) {
        if (rate < 1 || capacity < 1) {
            throw new IllegalArgumentException("rate and capacity must be positive: " + rate + ", " + capacity);
        }
        this.sip = Objects.requireNonNull(sip, "sip");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.slowStart = Objects.requireNonNull(slowStart, "slowStart");
        this.capacity = capacity;
        this.sentAt = new long[rate];
    }

    /**
     * The queue bound for {@code rate}: ten minutes of sending, at least {@value #MIN_CAPACITY} (120,000 at 200 per
     * second, about 200 bytes each while they wait).
     */
    public static int capacityFor(int rate) {
        return Math.max(MIN_CAPACITY, rate * QUEUE_SECONDS);
    }

    /** Sends the SUBSCRIBE now if the rate allows and nothing waits, else queues it; the id is valid at once. */
    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        SubscriptionId id = ids.get();
        subscribe(id, request);
        return id;
    }

    /** As {@link #subscribe(SubscribeRequest)}, with an id the caller allocated. */
    @Override
    public synchronized void subscribe(SubscriptionId id, SubscribeRequest request) {
        offer(id, new Waiting(Objects.requireNonNull(request, "request"), Optional.empty()));
    }

    /**
     * Refreshes a stored dialog in its turn (RFC 6665 §4.1.2.2, after a restart); the id, the dialog's Call-ID,
     * is valid at once.
     */
    @Override
    public synchronized SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        SubscriptionId id = new SubscriptionId(dialog.callId());
        offer(id, new Waiting(Objects.requireNonNull(request, "request"), Optional.of(dialog)));
        return id;
    }

    private void offer(SubscriptionId id, Waiting next) {
        SubscribeRequest request = next.request();
        long now = nanoTime.getAsLong();
        if (waiting.isEmpty() && mayStart(now)) {
            start(id, next, now);
        } else if (waiting.size() >= capacity) {
            LOG.warn("SUBSCRIBE {} to {} not sent: {} already wait for their turn", id.callId(), request.to(),
                    waiting.size());
            report(new SubscriptionEvent.Terminated(id, OVERFLOW + " (" + waiting.size() + " waiting)"));
        } else {
            waiting.put(id, next);
            scheduleDrain(now);
        }
    }

    /** Ends a sent subscription through the SIP module; one still waiting is dropped from the queue instead. */
    @Override
    public void unsubscribe(SubscriptionId id) {
        synchronized (this) {
            if (waiting.remove(id) != null) {
                report(new SubscriptionEvent.Terminated(id, CANCELLED));
                return;
            }
        }
        sip.unsubscribe(id);
    }

    /**
     * A request from the edge arrived (a NOTIFY, SUBSCRIBE, MESSAGE, INVITE): it reaches the gateway, so the slow
     * start is over. Idempotent.
     */
    public void edgeReached() {
        synchronized (this) {
            if (reached) {
                return;
            }
            reached = true;
            if (slowSince >= 0) {
                LOG.info("Access Edge reached the gateway {} ms after the first SUBSCRIBE ({} sent at the start rate"
                        + " of {}/s): SUBSCRIBEs toward the edge at up to {}/s", millisSince(slowSince),
                        sentSlowly, slowStart.rate(), sentAt.length);
            }
            scheduleDrain(nanoTime.getAsLong());
        }
    }

    /**
     * The link to the edge is lost or being re-established: its connection toward the gateway may be gone too, so
     * the slow start applies again until the edge reaches the gateway.
     */
    public synchronized void edgeDown() {
        if (reached || slowSince >= 0) {
            LOG.info("Access Edge link lost: SUBSCRIBEs toward the edge at up to {}/s until it reaches the gateway"
                    + " again", slowStart.rate());
        }
        reached = false;
        slowSince = -1;
        sentSlowly = 0;
    }

    /** The most SUBSCRIBEs per second now: the start rate during the slow start, else the full rate. */
    public synchronized int currentRate() {
        return limit(nanoTime.getAsLong());
    }

    /** How many SUBSCRIBEs wait for their turn. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Sends what the rate allows now, oldest first, and comes back when the next may go. */
    private synchronized void drain() {
        drainScheduled = false;
        long now = nanoTime.getAsLong();
        Iterator<Map.Entry<SubscriptionId, Waiting>> next = waiting.entrySet().iterator();
        while (next.hasNext() && mayStart(now)) {
            Map.Entry<SubscriptionId, Waiting> entry = next.next();
            next.remove();
            start(entry.getKey(), entry.getValue(), now);
        }
        scheduleDrain(now);
    }

    private boolean mayStart(long now) {
        int limit = limit(now);
        return sent < limit || now - sentAgo(limit) >= WINDOW_NANOS;
    }

    /** The rate in force: the start rate until the edge reaches the gateway or the slow start's limit passes. */
    private int limit(long now) {
        if (reached || slowStart.rate() >= sentAt.length) {
            return sentAt.length;
        }
        if (slowSince >= 0 && now - slowSince >= slowStart.limit().toNanos()) {
            reached = true;
            LOG.warn("no request from the Access Edge within {} of the first SUBSCRIBE ({} sent at {}/s): SUBSCRIBEs"
                    + " toward the edge at up to {}/s now; NOTIFYs the edge relays while it opens its connection to"
                    + " the gateway may be lost", slowStart.limit(), sentSlowly, slowStart.rate(), sentAt.length);
            return sentAt.length;
        }
        return slowStart.rate();
    }

    /** When the SUBSCRIBE sent {@code count} sends ago went ({@code 1 <= count <= min(sent, rate)}). */
    private long sentAgo(int count) {
        return sentAt[Math.floorMod(oldest - count, sentAt.length)];
    }

    private long millisSince(long nanos) {
        return (nanoTime.getAsLong() - nanos) / 1_000_000;
    }

    private void start(SubscriptionId id, Waiting next, long now) {
        if (!reached && slowStart.rate() < sentAt.length) {
            if (slowSince < 0) {
                slowSince = now;
                LOG.info("SUBSCRIBEs toward the Access Edge at up to {}/s until the edge reaches the gateway over its"
                        + " own connection (at most {}), then up to {}/s", slowStart.rate(), slowStart.limit(),
                        sentAt.length);
            }
            sentSlowly++;
        }
        sentAt[oldest] = now;
        oldest = (oldest + 1) % sentAt.length;
        sent++;
        try {
            if (next.dialog().isPresent()) {
                sip.resume(next.dialog().get(), next.request());
            } else {
                sip.subscribe(id, next.request());
            }
        } catch (RuntimeException e) {
            LOG.warn("SUBSCRIBE {} to {} failed: {}", id.callId(), next.request().to(), e.toString());
            report(new SubscriptionEvent.Terminated(id, "cannot send SUBSCRIBE: " + e));
        }
    }

    /**
     * Schedules the next drain for when the oldest send in the window leaves it (rounded up to the millisecond the
     * route workers' timer counts in), unless none waits or one is scheduled — and not over a second late, which
     * means the workers dropped it (full or stopping), so another is scheduled.
     */
    private void scheduleDrain(long now) {
        if (waiting.isEmpty() || drainScheduled && now - drainDue < WINDOW_NANOS) {
            return;
        }
        long delayMillis = mayStart(now) ? 0 : ceilMillis(sentAgo(limit(now)) + WINDOW_NANOS - now);
        drainScheduled = true;
        drainDue = now + delayMillis * 1_000_000;
        scheduler.schedule(this::drain, Duration.ofMillis(delayMillis));
    }

    private static long ceilMillis(long nanos) {
        return (nanos + 999_999) / 1_000_000;
    }

    private void report(SubscriptionEvent event) {
        scheduler.schedule(() -> events.accept(event), Duration.ZERO);
    }
}
