package org.parley.sip.subscription;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import org.parley.sip.InboundRequest;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.SipInbound;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionEvent.SubscriptionState;
import org.parley.sip.SubscriptionId;
import org.parley.sip.dialog.DialogPath;
import org.parley.sip.dialog.ReleasingDialogPath;
import org.parley.sip.dialog.SnapshotDialogPath;
import org.parley.sip.stack.SipStackRuntime;
import org.parley.sip.transaction.MessageCopy;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own subscriptions (RFC 6665 §4.1, subscriber role): sends SUBSCRIBE, keeps each dialog and
 * its granted duration here, refreshes before expiry ({@link #refreshDelay}), matches NOTIFYs by Call-ID,
 * unsubscribes with Expires 0, and reports every step to {@link SipInbound#onSubscription}. A dialog stored before a
 * restart is taken back by {@link #resume}: refreshed in the dialog from its snapshot; a failure of that refresh
 * (481 above all, RFC 6665 §4.1.2.2) ends it like any failed refresh, for the application to subscribe anew.
 *
 * <p>A 423 Interval Too Brief with a usable Min-Expires ({@link MinExpiresRetry}) is not an end: the SUBSCRIBE is sent
 * again at once, once, with Expires = Min-Expires, and later refreshes of that subscription ask for as much (RFC 6665
 * §4.1.2.1, §4.1.2.2; RFC 3261 §10.2.8). A refresh is retried in its dialog. An initial SUBSCRIBE is retried as a new
 * request with the same Call-ID (so the subscription keeps its id, and the notifier sees one call) but a new From tag,
 * CSeq and dialog: the stack ends the dialog of the refused request (RFC 3261 §12.3: a non-2xx final response ends early
 * dialogs) and later removes its table entries by Call-ID and From tag, which would drop a retry's dialog that reused
 * the tag; a new tag makes the retry a dialog of its own, for the stack and for the notifier alike.
 *
 * <p>Timers: each subscription holds when its next step is due (a refresh, or the end of the wait for an
 * unsubscribe's final NOTIFY), and one periodic sweep every {@link #TICK} runs what is due. A gateway holds
 * 100,000s of subscriptions: a scheduled task each would cost more heap than the subscription's own values, and a
 * sweep of them all takes about a millisecond. Steps run up to one tick late, which the refresh margin allows for.
 */
public final class Subscriptions implements SipSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** How long an unsubscribe waits for the final NOTIFY (RFC 6665 §4.1.2.3) before ending anyway. */
    private static final Duration FINAL_NOTIFY_WAIT = Duration.ofSeconds(32);
    /** How often due steps are looked for. */
    static final Duration TICK = Duration.ofMillis(500);

    private final SipStackRuntime runtime;
    private final RequestFactory factory;
    private final OutboundSender sender;
    private final SipInbound inbound;
    /** Delivers events in the order they happened, on the worker pool. */
    private final SerialExecutor events;
    private final Map<SubscriptionId, Subscription> active = new ConcurrentHashMap<>();

    public Subscriptions(SipStackRuntime runtime, RequestFactory factory, OutboundSender sender, SipInbound inbound,
                         ScheduledExecutorService scheduler, Executor worker) {
        this.runtime = runtime;
        this.factory = factory;
        this.sender = sender;
        this.inbound = inbound;
        this.events = new SerialExecutor(worker);
        scheduler.scheduleWithFixedDelay(this::sweep, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every step that is due; a failure of one does not stop the others or later sweeps. */
    private void sweep() {
        long now = System.nanoTime();
        active.forEach((id, subscription) -> {
            try {
                switch (subscription.takeDue(now)) {
                    case REFRESH -> sendInDialog(id, subscription, Optional.of(Attempt.REFRESH));
                    case END_UNSUBSCRIBED -> end(id, "unsubscribed (no final NOTIFY)");
                    case NOTHING -> { }
                }
            } catch (RuntimeException e) {
                LOG.warn("due step of subscription {} failed: {}", id.callId(), e.toString());
            }
        });
    }

    /** Which SUBSCRIBE an answer is for: the first or a refresh, and whether it was already the 423 retry. */
    private enum Attempt {
        INITIAL, INITIAL_RETRY, REFRESH, REFRESH_RETRY;

        boolean refresh() {
            return this == REFRESH || this == REFRESH_RETRY;
        }

        boolean retried() {
            return this == INITIAL_RETRY || this == REFRESH_RETRY;
        }
    }

    /** What a subscription has due at its {@link Subscription#dueAt}. */
    private enum Due {
        NOTHING, REFRESH, END_UNSUBSCRIBED
    }

    /** One subscription's dialog and next step; mutable fields guarded by the instance. */
    private static final class Subscription {
        final String event;
        final String accept;
        /** The dialog: the stack's until established, then its values alone ({@link ReleasingDialogPath#settled}). */
        volatile DialogPath dialog;
        /**
         * The first SUBSCRIBE's request while the dialog is not established (a 423 retry of it needs its addresses);
         * then null, since of the request only what refreshes repeat is kept (the addresses are the dialog's).
         */
        SubscribeRequest initial;
        /** The Expires to ask for, in seconds: the request's, or a notifier's Min-Expires after a 423. */
        int expiresSeconds;
        /** When {@link #due} is due, on the {@link System#nanoTime()} scale. */
        long dueAt;
        Due due = Due.NOTHING;
        boolean ending;

        Subscription(SubscribeRequest request, DialogPath dialog, Duration expires, boolean established) {
            this.event = request.event();
            this.accept = request.accept();
            this.initial = established ? null : request;
            this.dialog = dialog;
            this.expiresSeconds = (int) Math.min(Integer.MAX_VALUE, expires.toSeconds());
        }

        synchronized Duration expires() {
            return Duration.ofSeconds(expiresSeconds);
        }

        /** Sets the next step ({@code NOTHING} cancels it). */
        synchronized void schedule(Due next, Duration in) {
            due = next;
            dueAt = System.nanoTime() + in.toNanos();
        }

        /** The step due at {@code now}, taken (cleared), or {@code NOTHING}. */
        synchronized Due takeDue(long now) {
            if (due == Due.NOTHING || now - dueAt < 0) {
                return Due.NOTHING;
            }
            Due taken = due;
            due = Due.NOTHING;
            return taken;
        }
    }

    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        return start(request, Optional.empty());
    }

    /** Sends the initial SUBSCRIBE with {@code id} as its Call-ID. */
    @Override
    public void subscribe(SubscriptionId id, SubscribeRequest request) {
        start(request, Optional.of(id));
    }

    private SubscriptionId start(SubscribeRequest request, Optional<SubscriptionId> chosen) {
        return sendInitial(request, request.expires(), chosen, Attempt.INITIAL);
    }

    /** Sends a SUBSCRIBE outside any dialog; a retry ({@code chosen} present) replaces the refused subscription. */
    private SubscriptionId sendInitial(SubscribeRequest request, Duration expires, Optional<SubscriptionId> chosen,
                                       Attempt attempt) {
        Request built;
        ClientTransaction transaction;
        Dialog dialog;
        try {
            List<SipHeader> headers = new ArrayList<>(headers(request.event(), request.accept(), expires));
            chosen.ifPresent(id -> headers.add(new SipHeader(CallIdHeader.NAME, id.callId())));
            built = factory.build(new OutboundRequest(Request.SUBSCRIBE, request.to(), request.from(), request.to(),
                    headers, Optional.empty()));
            transaction = runtime.provider().getNewClientTransaction(built);
            dialog = runtime.provider().getNewDialog(transaction);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            SubscriptionId id = chosen.orElseGet(() -> new SubscriptionId("invalid-" + System.nanoTime()));
            active.remove(id);
            emit(new SubscriptionEvent.Terminated(id, "cannot build SUBSCRIBE: " + e.getMessage()));
            return id;
        }
        SubscriptionId id = chosen.orElseGet(() ->
                new SubscriptionId(((CallIdHeader) built.getHeader(CallIdHeader.NAME)).getCallId()));
        Subscription subscription = new Subscription(request,
                new ReleasingDialogPath(dialog, factory, List.of(id.callId())), expires, false);
        active.put(id, subscription);
        sender.send(transaction, Optional.empty(), Optional.empty())
                .thenAccept(outcome -> answered(id, subscription, outcome, attempt));
        return id;
    }

    /**
     * Refreshes a dialog of an earlier run (RFC 6665 §4.1.2.2) with a SUBSCRIBE built from {@code dialog}, its CSeq
     * continued above the stored one; then it lives on like any subscription (refreshes, NOTIFYs by Call-ID).
     */
    @Override
    public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        SubscriptionId id = new SubscriptionId(dialog.callId());
        Subscription subscription = new Subscription(request, new SnapshotDialogPath(dialog.resumed(), factory),
                request.expires(), true);
        if (active.putIfAbsent(id, subscription) != null) {
            LOG.warn("dialog {} is already held; not resumed", id.callId());
            return id;
        }
        sendInDialog(id, subscription, Optional.of(Attempt.REFRESH));
        return id;
    }

    @Override
    public void unsubscribe(SubscriptionId id) {
        Subscription subscription = active.get(id);
        if (subscription == null) {
            return;
        }
        synchronized (subscription) {
            subscription.ending = true;
            subscription.schedule(Due.END_UNSUBSCRIBED, FINAL_NOTIFY_WAIT);
        }
        sendInDialog(id, subscription, Optional.empty());
    }

    /** A NOTIFY arrived; returns the status to answer (200, or 481 for an unknown subscription). */
    public int onNotify(InboundRequest notify) {
        SubscriptionId id = new SubscriptionId(notify.callId());
        Subscription subscription = active.get(id);
        if (subscription == null) {
            return 481;
        }
        notify.header("Contact").flatMap(MessageCopy::uriOf).ifPresent(subscription.dialog::targetRefreshed);
        String header = notify.header("Subscription-State").orElse("active");
        SubscriptionState state = SubscriptionState.parse(header.split(";")[0]);
        emit(new SubscriptionEvent.Notified(id, state, notify.body()));
        if (state == SubscriptionState.TERMINATED) {
            end(id, parameter(header, "reason").orElse("terminated by the notifier"));
        }
        return 200;
    }

    /** Whether a NOTIFY belongs to one of our subscriptions. */
    public boolean owns(String callId) {
        return active.containsKey(new SubscriptionId(callId));
    }

    /** The refresh time for a granted duration: half of it when short, else one minute before expiry. */
    static Duration refreshDelay(Duration granted) {
        Duration half = granted.dividedBy(2);
        Duration early = granted.minusSeconds(60);
        return early.compareTo(half) > 0 ? early : half;
    }

    private void answered(SubscriptionId id, Subscription subscription, SipOutcome outcome, Attempt attempt) {
        if (outcome instanceof SipOutcome.FinalResponse response && response.isSuccess()) {
            Duration granted = SipHeader.first(response.headers(), "Expires").map(Subscriptions::seconds)
                    .orElse(subscription.expires());
            subscription.dialog.established(); // from now on only the dialog's values are kept
            if (subscription.dialog instanceof ReleasingDialogPath releasing) {
                subscription.dialog = releasing.settled();
            }
            synchronized (subscription) {
                subscription.initial = null;
                if (subscription.ending || granted.isZero()) {
                    return; // the unsubscribe's 2xx: wait for the final NOTIFY
                }
                subscription.schedule(Due.REFRESH, refreshDelay(granted));
            }
            emit(new SubscriptionEvent.Accepted(id, granted, attempt.refresh(), subscription.dialog.snapshot()));
            return;
        }
        if (!retriedWithMinExpires(id, subscription, outcome, attempt)) {
            end(id, (attempt.refresh() ? "refresh failed: " : "refused: ") + describe(outcome));
        }
    }

    /** Sends the SUBSCRIBE again after a 423 with a usable Min-Expires ({@link MinExpiresRetry}); false if not. */
    private boolean retriedWithMinExpires(SubscriptionId id, Subscription subscription, SipOutcome outcome,
                                          Attempt attempt) {
        Optional<Duration> raised;
        SubscribeRequest initial;
        synchronized (subscription) {
            raised = MinExpiresRetry.raisedExpires(outcome, subscription.expires(), attempt.retried());
            initial = subscription.initial;
            if (raised.isEmpty() || subscription.ending || active.get(id) != subscription
                    || !attempt.refresh() && initial == null) {
                return false;
            }
            subscription.expiresSeconds = (int) Math.min(Integer.MAX_VALUE, raised.get().toSeconds());
        }
        LOG.info("SUBSCRIBE {} answered {}; sending it again with Expires {}", id.callId(), describe(outcome),
                raised.get().toSeconds());
        if (attempt.refresh()) {
            sendInDialog(id, subscription, Optional.of(Attempt.REFRESH_RETRY));
        } else {
            sendInitial(initial, raised.get(), Optional.of(id), Attempt.INITIAL_RETRY);
        }
        return true;
    }

    /** Sends a refresh ({@code attempt} present, with the subscription's Expires) or the unsubscribe (Expires 0). */
    private void sendInDialog(SubscriptionId id, Subscription subscription, Optional<Attempt> attempt) {
        Duration expires = attempt.isPresent() ? subscription.expires() : Duration.ZERO;
        try {
            Request request = subscription.dialog.createRequest(Request.SUBSCRIBE);
            for (SipHeader header : headers(subscription.event, subscription.accept, expires)) {
                for (javax.sip.header.Header field : factory.stackHeaders(header)) {
                    request.setHeader(field);
                }
            }
            request.setHeader(factory.contact());
            subscription.dialog.send(request, sender)
                    .thenAccept(outcome -> {
                        if (attempt.isPresent()) {
                            answered(id, subscription, outcome, attempt.get());
                        } else if (!(outcome instanceof SipOutcome.FinalResponse r && r.isSuccess())) {
                            end(id, "unsubscribe failed: " + describe(outcome));
                        }
                    });
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("cannot send SUBSCRIBE in dialog {}: {}", id.callId(), e.toString());
            end(id, "cannot send in-dialog SUBSCRIBE: " + e.getMessage());
        }
    }

    private void end(SubscriptionId id, String reason) {
        Subscription subscription = active.remove(id);
        if (subscription == null) {
            return;
        }
        subscription.schedule(Due.NOTHING, Duration.ZERO);
        subscription.dialog.delete();
        emit(new SubscriptionEvent.Terminated(id, reason));
    }

    private void emit(SubscriptionEvent event) {
        Runnable delivery = () -> {
            try {
                inbound.onSubscription(event);
            } catch (RuntimeException e) {
                LOG.warn("the application failed on {}", event, e);
            }
        };
        events.execute(delivery);
    }

    private static List<SipHeader> headers(String event, String accept, Duration expires) {
        return List.of(new SipHeader("Event", event), new SipHeader("Accept", accept),
                new SipHeader("Expires", Long.toString(expires.toSeconds())));
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Optional<String> parameter(String header, String name) {
        for (String part : header.split(";")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase(name)) {
                return Optional.of(pair[1].strip());
            }
        }
        return Optional.empty();
    }

    private static String describe(SipOutcome outcome) {
        if (outcome instanceof SipOutcome.FinalResponse r) {
            return r.status() + " " + r.reason();
        }
        return outcome.toString();
    }
}
