package org.parley.sip.edge;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.sip.AccessEdge;
import org.parley.sip.EdgeState;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the persistent TLS connection toward the Access Edge: resolves the edge, probes it with OPTIONS
 * (RFC 3261 §11) at start and every keep-alive interval (any final response, even a refusal, shows the edge
 * is up), and notices a lost connection at once from the
 * network layer instead of after Timer F. A lost connection fails the requests outstanding on it and is
 * probed again immediately; a failed probe marks the edge {@link EdgeState#DOWN} (new requests then end at
 * once as transport errors) and retries with jittered exponential backoff, re-resolving each time.
 *
 * <p>State changes happen on the given single-threaded scheduler, apart from the atomic state itself.
 */
public final class EdgeLink {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeLink.class);

    private final AccessEdge edge;
    private final EdgeResolver resolver;
    private final SipSettings.Timers timers;
    private final ScheduledExecutorService scheduler;
    private final Function<Duration, CompletionStage<SipOutcome>> probe;
    private final Consumer<String> failOutstanding;
    private final Consumer<EdgeState> stateListener;
    private final Backoff backoff;
    private final AtomicReference<EdgeState> state = new AtomicReference<>(EdgeState.CONNECTING);
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Optional<InetSocketAddress> address = Optional.empty();
    private ScheduledFuture<?> next;
    private int attempt;
    private int warnedStatus;

    /**
     * @param probe           sends one OPTIONS to the edge with the given deadline
     * @param failOutstanding ends every outstanding client transaction as a transport error with the reason
     * @param stateListener   told every state change (metrics)
     */
    public EdgeLink(AccessEdge edge, EdgeResolver resolver, SipSettings.Timers timers,
                    ScheduledExecutorService scheduler, Function<Duration, CompletionStage<SipOutcome>> probe,
                    Consumer<String> failOutstanding, Consumer<EdgeState> stateListener) {
        this.edge = edge;
        this.resolver = resolver;
        this.timers = timers;
        this.scheduler = scheduler;
        this.probe = probe;
        this.failOutstanding = failOutstanding;
        this.stateListener = stateListener;
        this.backoff = new Backoff(timers.backoffMin(), timers.backoffMax(), ThreadLocalRandom.current()::nextDouble);
        stateListener.accept(EdgeState.CONNECTING);
    }

    /**
     * Resolves the edge now (bounded by the resolver's timeout), so that requests sent right after start have
     * a next hop, and sends the first probe. A failed resolution marks the edge down and is retried.
     */
    public void start() {
        EdgeResolution resolution = resolver.resolve(edge);
        if (resolution instanceof EdgeResolution.Resolved resolved) {
            address = Optional.of(resolved.addresses().get(0));
            LOG.info("Access Edge {} at {} ({})", edge.certificateName(), address.get(), resolved.how());
        }
        schedule(Duration.ZERO);
    }

    public void stop() {
        setState(EdgeState.STOPPED);
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    public EdgeState state() {
        return state.get();
    }

    /** Whether new requests are sent (not while the edge is known to be down). */
    public boolean admitsRequests() {
        EdgeState s = state.get();
        return s != EdgeState.DOWN && s != EdgeState.STOPPED;
    }

    /** The edge address requests go to; empty before the first resolution. */
    public Optional<InetSocketAddress> address() {
        return address;
    }

    /** The network layer saw the connection to the edge end (EOF, reset, alert, failed connect). */
    public void connectionLost(InetSocketAddress remote, String reason) {
        EdgeState s = state.get();
        if (s == EdgeState.STOPPED || s == EdgeState.DOWN || !address.equals(Optional.of(remote))) {
            return; // not the edge connection (e.g. the stack answering a peer's ephemeral port)
        }
        if (s == EdgeState.UP && state.compareAndSet(EdgeState.UP, EdgeState.RECONNECTING)) {
            LOG.warn("connection to the Access Edge {} lost: {}; reconnecting", remote, reason);
            stateListener.accept(EdgeState.RECONNECTING);
        }
        failOutstanding.accept("connection to the Access Edge " + remote + " lost: " + reason);
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (state.get() == EdgeState.STOPPED) {
            return;
        }
        if (next != null && !next.isDone() && next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
            return; // an earlier probe is already due
        }
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::probeNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probeNow() {
        if (state.get() == EdgeState.STOPPED || !probing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (address.isEmpty() || state.get() == EdgeState.DOWN) {
                EdgeResolution resolution = resolver.resolve(edge);
                if (resolution instanceof EdgeResolution.Failed failed) {
                    probing.set(false);
                    down("cannot locate the edge: " + failed.reason());
                    return;
                }
                EdgeResolution.Resolved resolved = (EdgeResolution.Resolved) resolution;
                InetSocketAddress chosen = resolved.addresses().get(attempt % resolved.addresses().size());
                if (!Optional.of(chosen).equals(address)) {
                    LOG.info("Access Edge {} at {} ({})", edge.certificateName(), chosen, resolved.how());
                }
                address = Optional.of(chosen);
            }
            probe.apply(timers.keepAliveTimeout()).whenComplete((outcome, error) -> scheduler.execute(() -> {
                probing.set(false);
                if (outcome instanceof SipOutcome.FinalResponse response) {
                    warnOnRefusal(response);
                    up();
                } else {
                    down(error != null ? error.toString() : describe(outcome));
                }
            }));
        } catch (RuntimeException e) {
            probing.set(false);
            LOG.warn("edge probe failed unexpectedly", e);
            down(e.toString());
        }
    }

    private void up() {
        if (state.get() == EdgeState.STOPPED) {
            return;
        }
        EdgeState previous = setState(EdgeState.UP);
        if (previous != EdgeState.UP) {
            LOG.info("Access Edge {} is up at {}", edge.certificateName(), address.map(Object::toString).orElse("?"));
        }
        backoff.reset();
        schedule(timers.keepAliveInterval());
    }

    /**
     * An edge that answers the keep-alive with a 4xx–6xx (e.g. 403 for OPTIONS to its own URI) is reachable and
     * counts as up; one WARN names the status, and again only when it changes.
     */
    private void warnOnRefusal(SipOutcome.FinalResponse response) {
        if (response.isSuccess()) {
            warnedStatus = 0;
        } else if (response.status() != warnedStatus) {
            warnedStatus = response.status();
            LOG.warn("Access Edge {} answers the keep-alive OPTIONS with {} {}; it is reachable and counts as up",
                    edge.certificateName(), response.status(), response.reason());
        }
    }

    private void down(String reason) {
        if (state.get() == EdgeState.STOPPED) {
            return;
        }
        EdgeState previous = setState(EdgeState.DOWN);
        Duration delay = backoff.next();
        attempt++;
        if (previous != EdgeState.DOWN) {
            LOG.warn("Access Edge {} is down: {}; retrying in {} ms", edge.certificateName(), reason, delay.toMillis());
        } else {
            LOG.debug("Access Edge {} still down: {}; retrying in {} ms", edge.certificateName(), reason,
                    delay.toMillis());
        }
        failOutstanding.accept("Access Edge down: " + reason);
        schedule(delay);
    }

    private EdgeState setState(EdgeState value) {
        EdgeState previous = state.getAndSet(value);
        if (previous != value) {
            stateListener.accept(value);
        }
        return previous;
    }

    private static String describe(SipOutcome outcome) {
        if (outcome instanceof SipOutcome.Timeout t) {
            return "no answer to OPTIONS (" + t.detail() + ")";
        }
        if (outcome instanceof SipOutcome.TransportError e) {
            return e.detail();
        }
        return String.valueOf(outcome);
    }
}
