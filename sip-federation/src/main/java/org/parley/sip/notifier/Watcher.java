package org.parley.sip.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipResponder;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherEvent.EndReason;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;
import org.parley.sip.dialog.DialogPath;

/**
 * One subscription to the gateway (RFC 6665 §4.2): its dialog, the phase it is in, the granted duration and
 * expiry timer, and the last state notified (repeated after each refresh, RFC 6665 §4.2.1.2). All state
 * changes happen under the instance's lock, so the SUBSCRIBE's 2xx always precedes the first NOTIFY. Once
 * accepted, and after each refresh, its dialog's values are reported ({@link WatcherEvent.Established},
 * {@link WatcherEvent.Refreshed}) so that the application can store them and {@link #resumed resume} the watcher
 * after a restart.
 */
final class Watcher implements SipNotifier {

    /** The longest subscription granted when the module decides for the application (RFC 3856 §6.4). */
    static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(3600);

    /** Where the initial SUBSCRIBE is answered once it has been: nowhere (its transaction is let go). */
    private static final SipResponder ANSWERED = (status, headers, body) -> false;

    private enum Phase { DECIDING, PENDING, ACTIVE, ENDED }

    private final WatcherId id;
    /** The initial SUBSCRIBE's server transaction until it is answered; then {@link #ANSWERED}. */
    private SipResponder initial;
    private final Duration requested;
    private final WatcherServices services;
    private final NotifySequence notifies;
    private Phase phase = Phase.DECIDING;
    private Duration ceiling = Duration.ZERO;
    private long expiresAtNanos;
    private Optional<SipBody> lastBody = Optional.empty();
    private ScheduledFuture<?> timer;

    Watcher(WatcherId id, DialogPath dialog, String event, SipResponder initial, Duration requested,
            WatcherServices services) {
        this.id = id;
        this.initial = initial;
        this.requested = requested;
        this.services = services;
        this.notifies = new NotifySequence(dialog, event, services.factory(), services.sender(), this::remaining,
                this::notifyFailed);
    }

    /**
     * A watcher accepted by an earlier run of the gateway, taken back in {@code dialog}: accepted and
     * {@link WatcherState#PENDING} until the application notifies, expiring after {@code remaining}, refreshes
     * granted up to {@code ceiling}.
     */
    static Watcher resumed(WatcherId id, DialogPath dialog, String event, Duration remaining, Duration ceiling,
                           WatcherServices services) {
        Watcher watcher = new Watcher(id, dialog, event, ANSWERED, ceiling, services);
        synchronized (watcher) {
            watcher.ceiling = ceiling;
            watcher.phase = Phase.PENDING;
            watcher.expireIn(remaining);
        }
        return watcher;
    }

    @Override
    public WatcherId id() {
        return id;
    }

    /** Accepts as pending for the application if it has not decided within {@code decisionTime}. */
    synchronized void awaitDecision(Duration decisionTime) {
        timer = schedule(() -> {
            synchronized (this) {
                if (phase == Phase.DECIDING) {
                    accept(DEFAULT_EXPIRES, WatcherState.PENDING, Optional.empty());
                }
            }
        }, decisionTime);
    }

    @Override
    public synchronized boolean accept(Duration expires, WatcherState state, Optional<SipBody> body) {
        if (phase != Phase.DECIDING) {
            return notify(state, body);
        }
        ceiling = expires.isNegative() ? Duration.ZERO : expires;
        Duration granted = min(requested, ceiling);
        cancelTimer();
        boolean answered = initial.respond(200, List.of(expiresHeader(granted)), Optional.empty());
        initial = ANSWERED;
        if (!answered) {
            return end(EndReason.FAILED, "could not answer the SUBSCRIBE", Optional.empty());
        }
        notifies.dialog().established(); // from now on only the dialog's values are kept
        lastBody = state == WatcherState.ACTIVE ? body : Optional.empty();
        if (granted.isZero()) {
            return end(EndReason.FETCHED, "fetched", Optional.of(NotifySequence.Notice.terminated(
                    TerminationReason.TIMEOUT.token(), lastBody)));
        }
        phase = state == WatcherState.ACTIVE ? Phase.ACTIVE : Phase.PENDING;
        expireIn(granted);
        notifies.offer(NotifySequence.Notice.state(state.token(), lastBody));
        notifies.dialog().snapshot().ifPresent(dialog ->
                services.events().accept(new WatcherEvent.Established(id, dialog, granted)));
        return true;
    }

    @Override
    public synchronized boolean reject(int status) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a refusal: " + status);
        }
        if (phase != Phase.DECIDING) {
            return terminate(TerminationReason.REJECTED);
        }
        cancelTimer();
        initial.respond(status);
        initial = ANSWERED;
        notifies.abandon();
        return end(EndReason.TERMINATED, "rejected with " + status, Optional.empty());
    }

    @Override
    public synchronized boolean notify(WatcherState state, Optional<SipBody> body) {
        if (phase == Phase.DECIDING || phase == Phase.ENDED) {
            return false;
        }
        phase = state == WatcherState.ACTIVE ? Phase.ACTIVE : Phase.PENDING;
        lastBody = state == WatcherState.ACTIVE ? body : Optional.empty();
        notifies.offer(NotifySequence.Notice.state(state.token(), lastBody));
        return true;
    }

    @Override
    public synchronized boolean terminate(TerminationReason reason) {
        if (phase == Phase.DECIDING || phase == Phase.ENDED) {
            return false;
        }
        return end(EndReason.TERMINATED, reason.token(),
                Optional.of(NotifySequence.Notice.terminated(reason.token(), Optional.empty())));
    }

    /**
     * An in-dialog SUBSCRIBE (RFC 6665 §4.2.1.2): answered 200 with the granted Expires and followed by a NOTIFY
     * of the current state, or, with Expires 0, by the final NOTIFY (§4.2.1.4). 481 once the subscription ended.
     */
    synchronized void refresh(SipResponder responder, Duration expires, Optional<String> contact) {
        if (phase == Phase.DECIDING || phase == Phase.ENDED) {
            responder.respond(481);
            return;
        }
        contact.ifPresent(notifies.dialog()::targetRefreshed);
        Duration granted = min(expires, ceiling);
        responder.respond(200, List.of(expiresHeader(granted)), Optional.empty());
        if (granted.isZero()) {
            end(EndReason.UNSUBSCRIBED, "unsubscribed", Optional.of(NotifySequence.Notice.terminated(
                    TerminationReason.TIMEOUT.token(), lastBody)));
            return;
        }
        expireIn(granted);
        notifies.offer(NotifySequence.Notice.state(
                (phase == Phase.ACTIVE ? WatcherState.ACTIVE : WatcherState.PENDING).token(), lastBody));
        services.events().accept(new WatcherEvent.Refreshed(id, granted, notifies.dialog().snapshot()));
    }

    /** Drops a watcher never handed to the application: its timer cancelled; nothing is sent or reported. */
    synchronized void discard() {
        phase = Phase.ENDED;
        cancelTimer();
    }

    private synchronized void expire() {
        if (phase != Phase.ENDED && remaining().isZero()) {
            end(EndReason.EXPIRED, "not refreshed in time", Optional.of(NotifySequence.Notice.terminated(
                    TerminationReason.TIMEOUT.token(), Optional.empty())));
        }
    }

    private synchronized void notifyFailed(SipOutcome outcome) {
        if (phase != Phase.ENDED) {
            end(EndReason.FAILED, "NOTIFY failed: " + describe(outcome), Optional.empty());
        }
    }

    /** Ends the subscription (holding the lock): the final NOTIFY if any, and the last event. */
    private boolean end(EndReason reason, String detail, Optional<NotifySequence.Notice> last) {
        phase = Phase.ENDED;
        cancelTimer();
        last.ifPresentOrElse(notifies::offer, notifies::abandon);
        services.events().accept(new WatcherEvent.Ended(id, reason, detail));
        return true;
    }

    private void expireIn(Duration granted) {
        cancelTimer();
        expiresAtNanos = System.nanoTime() + granted.toNanos();
        timer = schedule(this::expire, granted);
    }

    private synchronized Duration remaining() {
        if (phase == Phase.DECIDING || phase == Phase.ENDED) {
            return Duration.ZERO;
        }
        long left = expiresAtNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return services.scheduler().schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static SipHeader expiresHeader(Duration granted) {
        return new SipHeader("Expires", Long.toString(granted.toSeconds()));
    }

    private static String describe(SipOutcome outcome) {
        return outcome instanceof SipOutcome.FinalResponse r ? r.status() + " " + r.reason() : outcome.toString();
    }
}
