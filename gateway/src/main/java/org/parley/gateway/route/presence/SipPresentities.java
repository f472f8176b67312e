package org.parley.gateway.route.presence;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.OutboundDialog;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.SubscribeIntent;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.xmpp.s2s.XmppOutbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote XMPP users watching local SIP users (RFC 8048 §5.2, §6.3): one SIP subscription per pair, held by the
 * SIP module (which refreshes it), and what the XMPP user is told about it.
 * <ul>
 *   <li>{@code subscribe} → SUBSCRIBE (Event: presence, Expires from the settings); the authorization is recorded
 *       pending. A pair already confirmed is answered {@code subscribed} and its last presence at once.</li>
 *   <li>The first NOTIFY {@code active} → the authorization recorded authorized; once that is durable,
 *       {@code subscribed}, then the presence of the body (§6.3; PIDF or Microsoft enhanced presence,
 *       {@link NotifyBodies}). Later NOTIFYs → presence, and unavailable
 *       from each resource shown available that they no longer name (full state, RFC 3856 §6.3). Everything
 *       for one pair goes out in order.</li>
 *   <li>The end of the subscription, by {@link SubscriptionEnd}: {@code unavailable} and {@code unsubscribed}
 *       when the authorization ends (recorded rejected), a new SUBSCRIBE when only the dialog ended, else
 *       {@code unavailable}.</li>
 *   <li>{@code unsubscribe} → SUBSCRIBE Expires 0; its end → {@code unavailable} and {@code unsubscribed}
 *       (§5.2.3, Example 9), and the authorization forgotten.</li>
 *   <li>{@code probe} → the last presence of a confirmed pair, else {@code unavailable}.</li>
 *   <li>A confirmed pair whose subscription fails transiently (the edge unreachable, 5xx, probation) shows
 *       {@code unavailable} and is subscribed again after the retry delay, until it succeeds or the
 *       authorization ends; after a restart, {@link #restore} subscribes again for every stored
 *       authorization.</li>
 *   <li>Each subscription's dialog is stored (a {@link DialogRole#SUBSCRIBER} row) when the notifier accepts the
 *       SUBSCRIBE or a refresh, and removed when it ends. After a restart, {@link #resume} refreshes a stored dialog
 *       in place (RFC 6665 §4.1.2.2); if that fails (481: the notifier forgot it), the pair is subscribed anew.</li>
 *   <li>When the edge link is lost, confirmed pairs show {@code unavailable}; when it returns, they are
 *       subscribed anew ({@link #edgeLost}, {@link #edgeRestored}).</li>
 * </ul>
 * Thread-safe: stanzas arrive on route workers, events on SIP workers.
 */
public final class SipPresentities {

    private static final Logger LOG = LoggerFactory.getLogger(SipPresentities.class);

    private final SubscriptionMapper mapper;
    private final NotifyBodies bodies;
    private final SipSubscriber sip;
    private final StateChanges state;
    private final PresenceOut xmpp;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration retry;
    private final StoredDialogs dialogs;
    private final PresenceMetrics metrics;
    private final HeldWatches held = new HeldWatches();
    private final Map<AuthorizationKey, PresentityWatch> retrying = new HashMap<>();
    private final WatchLanes lanes;

    /**
     * @param mapper builds the SUBSCRIBEs (Expires from its settings)
     * @param bodies maps NOTIFY bodies to presence (PIDF or Microsoft enhanced presence)
     * @param sip    where SUBSCRIBEs go
     * @param state  where authorizations are recorded
     * @param xmpp      where presence for XMPP users goes
     * @param scheduler runs the retries
     * @param retry     how long to wait before subscribing again after a transient failure
     *                  ({@link org.parley.mapper.presence.SubscriptionSettings#retrySeconds})
     */
    public SipPresentities(SubscriptionMapper mapper, NotifyBodies bodies, SipSubscriber sip, StateChanges state,
                           XmppOutbound xmpp, Clock clock, Scheduler scheduler,
                           Duration retry) {
        this(mapper, bodies, sip, state, xmpp, clock, scheduler, retry, new PresenceMetrics(new SimpleMeterRegistry()));
    }

    /** As above, counting the SUBSCRIBEs it sends in {@code metrics}. */
    public SipPresentities(SubscriptionMapper mapper, NotifyBodies bodies, SipSubscriber sip, StateChanges state,
                           XmppOutbound xmpp, Clock clock, Scheduler scheduler, Duration retry,
                           PresenceMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.sip = Objects.requireNonNull(sip, "sip");
        this.state = Objects.requireNonNull(state, "state");
        this.xmpp = new PresenceOut(xmpp);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.dialogs = new StoredDialogs(state, clock);
        this.lanes = new WatchLanes(this.xmpp::send);
        metrics.followSubscriptions(held::accepted);
    }

    /** An XMPP {@code subscribe} to a SIP user; a rejection is for the caller to answer as a presence error. */
    public synchronized Optional<Rejection> subscribe(XmppPresence request) {
        MappingResult<SubscribeIntent> intent = mapper.intent(request, SubscribeIntent.Kind.SUBSCRIBE);
        if (intent instanceof MappingResult.Rejected<SubscribeIntent> rejected) {
            return Optional.of(rejected.rejection());
        }
        SubscribeIntent subscribe = intent.orElseThrow();
        AuthorizationKey key = key(subscribe.presentity(), request.from());
        retrying.remove(key);
        PresentityWatch existing = held.byKey(key).orElse(null);
        if (existing != null && existing.dialog == OutboundDialog.CONFIRMED) {
            lanes.send(existing, List.of(XmppPresence.of(PresenceType.SUBSCRIBED, existing.presentity,
                    existing.watcher())));
            lanes.send(existing, existing.lastShown(existing.watcher()));
            return Optional.empty();
        }
        if (existing != null && existing.dialog == OutboundDialog.AWAITING_ACTIVE) {
            return Optional.empty(); // already asked; the answer will come
        }
        state.apply(StateChange.put(PresenceAuthorization.of(key, AuthorizationState.PENDING, clock.instant())))
                .exceptionally(failed -> {
                    LOG.warn("pending authorization {} not recorded: {}", key, failed.toString());
                    return null;
                });
        start(new PresentityWatch(key, request.to().bare(), lanes.idle()), SubscribeKind.INITIAL);
        return Optional.empty();
    }

    /**
     * Subscribes again after a restart for the stored authorization {@code stored} (its contact watching the SIP
     * user whose JID is {@code presentity}; RFC 8048 §5.2.2: nobody re-adds anybody). An authorized pair is treated
     * as confirmed: its first NOTIFY delivers presence without a second {@code subscribed}. The watch holds the
     * key object given, the one the presence state holds.
     */
    public synchronized void restore(AuthorizationKey stored, XmppAddress presentity, boolean authorized) {
        restorable(stored, presentity).ifPresent(watch -> {
            if (authorized) {
                watch.dialog = OutboundDialog.CONFIRMED;
            }
            start(watch, SubscribeKind.RESTORE);
        });
    }

    /**
     * Takes back after a restart a subscription whose dialog {@code row} was stored, for an authorized pair: the
     * dialog is refreshed in place (RFC 6665 §4.1.2.2); a failed refresh ends it and the pair is subscribed anew
     * ({@link SubscriptionEnd}). A row without the notifier's tag is replaced by a new SUBSCRIBE.
     */
    public synchronized void resume(AuthorizationKey stored, XmppAddress presentity, SipSubscriptionDialog row) {
        Optional<PresentityWatch> restorable = restorable(stored, presentity);
        restorable.ifPresent(watch -> watch.dialog = OutboundDialog.CONFIRMED);
        Optional<SipDialogSnapshot> dialog = restorable.map(this::intent).flatMap(intent -> StoredDialogs.snapshot(row,
                intent.subscriber().toUri(), intent.presentity().toUri()));
        if (dialog.isEmpty()) {
            dialogs.forget(row.id());
            restorable.ifPresent(watch -> start(watch, SubscribeKind.RESTORE));
            return;
        }
        PresentityWatch watch = restorable.get();
        watch.id = sip.resume(dialog.get(), request(watch));
        watch.stored(row.id());
        metrics.subscribing(SubscribeKind.RESTORE, watch.id);
        hold(watch, "resumes its subscription to");
    }

    /** A watch for a stored pair, unless the pair cannot be mapped any more or is held already. */
    private Optional<PresentityWatch> restorable(AuthorizationKey stored, XmppAddress presentity) {
        XmppAddress watcher = stored.xmppContact();
        MappingResult<SubscribeIntent> intent = mapper.intent(watcher, presentity, SubscribeIntent.Kind.SUBSCRIBE);
        if (intent instanceof MappingResult.Rejected<SubscribeIntent> rejected) {
            LOG.info("stored subscription of {} to {} not restored: {}", watcher, presentity,
                    rejected.rejection().reason());
            return Optional.empty();
        }
        AuthorizationKey mapped = key(intent.orElseThrow().presentity(), watcher);
        AuthorizationKey key = mapped.equals(stored) ? stored : mapped;
        return held.holds(key) ? Optional.empty()
                : Optional.of(new PresentityWatch(key, presentity.bare(), lanes.idle()));
    }

    private void start(PresentityWatch watch, SubscribeKind kind) {
        watch.id = sip.subscribe(request(watch));
        metrics.subscribing(kind, watch.id);
        hold(watch, "subscribes to");
    }

    private void hold(PresentityWatch watch, String what) {
        held.hold(watch);
        LOG.debug("{} {} {} ({})", watch.watcher(), what, watch.presentity, watch.id.callId());
    }

    /** An XMPP {@code unsubscribe} from a SIP user's presence. */
    public synchronized Optional<Rejection> unsubscribe(XmppPresence request) {
        MappingResult<SubscribeIntent> intent = mapper.intent(request, SubscribeIntent.Kind.UNSUBSCRIBE);
        if (intent instanceof MappingResult.Rejected<SubscribeIntent> rejected) {
            return Optional.of(rejected.rejection());
        }
        AuthorizationKey key = key(intent.orElseThrow().presentity(), request.from());
        retrying.remove(key);
        PresentityWatch watch = held.byKey(key).orElse(null);
        if (watch == null) {
            forget(key);
            XmppPresence offline = XmppPresence.unavailable(request.to().bare(), request.from().bare());
            lanes.sendEnd(List.of(offline), offline.from(), offline.to());
            return Optional.empty();
        }
        watch.dialog = OutboundDialog.UNSUBSCRIBING;
        metrics.unsubscribing(watch.id);
        sip.unsubscribe(watch.id);
        return Optional.empty();
    }

    /** An XMPP {@code probe} of a SIP user: the last presence of a confirmed subscription, else unavailable. */
    public synchronized Optional<Rejection> probe(XmppPresence request) {
        MappingResult<SubscribeIntent> intent = mapper.intent(request, SubscribeIntent.Kind.FETCH);
        if (intent instanceof MappingResult.Rejected<SubscribeIntent> rejected) {
            return Optional.of(rejected.rejection());
        }
        PresentityWatch watch = held.byKey(key(intent.orElseThrow().presentity(), request.from())).orElse(null);
        if (watch != null && watch.dialog == OutboundDialog.CONFIRMED && !watch.last().isEmpty()) {
            lanes.send(watch, watch.lastShown(request.from()));
        } else {
            xmpp.send(XmppPresence.unavailable(request.to().bare(), request.from()));
        }
        return Optional.empty();
    }

    /** A change of one of the gateway's subscriptions, from the SIP module. */
    public synchronized void event(SubscriptionEvent event) {
        PresentityWatch watch = held.byId(event.id()).orElse(null);
        if (watch == null) {
            LOG.debug("event for a subscription not held here: {}", event);
            return;
        }
        if (event instanceof SubscriptionEvent.Notified notified) {
            notified(watch, notified);
        } else if (event instanceof SubscriptionEvent.Terminated terminated) {
            terminated(watch, terminated.reason());
        } else if (event instanceof SubscriptionEvent.Accepted accepted) {
            LOG.debug("{} accepted for {} s", accepted.id().callId(), accepted.expires().toSeconds());
            held.accepted(watch);
            accepted.dialog().ifPresent(dialog -> store(watch, dialog, accepted.expires()));
        }
    }

    /** Stores the subscription's dialog, so that a restart refreshes it rather than subscribing anew. */
    private void store(PresentityWatch watch, SipDialogSnapshot dialog, Duration expires) {
        watch.stored(dialogs.put(DialogRole.SUBSCRIBER, watch.key, dialog, watch.dialog == OutboundDialog.CONFIRMED,
                expires));
    }

    /** The SUBSCRIBE for {@code watch}, its addresses mapped again from the pair (they mapped when it was made). */
    private SubscribeRequest request(PresentityWatch watch) {
        SubscribeIntent intent = intent(watch);
        return SubscribeRequest.presence(intent.subscriber().toUri(), intent.presentity().toUri(),
                Duration.ofSeconds(intent.expiresSeconds()));
    }

    /** The pair's SUBSCRIBE intent; the mapping is a function of the pair, so what mapped once maps again. */
    private SubscribeIntent intent(PresentityWatch watch) {
        return mapper.intent(watch.watcher(), watch.presentity, SubscribeIntent.Kind.SUBSCRIBE).orElseThrow();
    }

    private void notified(PresentityWatch watch, SubscriptionEvent.Notified notified) {
        if (notified.state() != SubscriptionEvent.SubscriptionState.ACTIVE
                || watch.dialog == OutboundDialog.UNSUBSCRIBING) {
            return; // pending: nothing to tell (§5.2.1); terminated: the Terminated event follows
        }
        List<XmppPresence> presences = presences(watch, notified.body());
        if (watch.dialog == OutboundDialog.AWAITING_ACTIVE) {
            watch.dialog = OutboundDialog.CONFIRMED;
            CompletionStage<Void> durable = state.apply(StateChange.put(
                    PresenceAuthorization.of(watch.key, AuthorizationState.AUTHORIZED, clock.instant())));
            lanes.sendSubscribedWhen(watch, durable, failed ->
                    LOG.warn("authorization {} not recorded, 'subscribed' not sent: {}", watch.key, failed.toString()));
        }
        lanes.send(watch, watch.gone(presences));
        watch.show(presences);
        lanes.send(watch, presences);
    }

    private List<XmppPresence> presences(PresentityWatch watch, Optional<SipBody> body) {
        SipAddress presentity = watch.key.sipUser();
        MappingResult<List<XmppPresence>> mapped = bodies.toXmpp(presentity, watch.watcher(), body);
        if (mapped instanceof MappingResult.Rejected<List<XmppPresence>> rejected) {
            LOG.info("NOTIFY for {} from {} not mapped: {}", watch.watcher(), presentity,
                    rejected.rejection().reason());
            return List.of(XmppPresence.unavailable(watch.presentity, watch.watcher()));
        }
        return mapped.orElseThrow();
    }

    private void terminated(PresentityWatch watch, String reason) {
        held.releaseId(watch);
        held.releaseKey(watch);
        watch.stored().ifPresent(dialogs::forget);
        if (watch.dialog == OutboundDialog.UNSUBSCRIBING) {
            forget(watch.key);
            lanes.sendEnd(watch);
            return;
        }
        SubscriptionEnd end = SubscriptionEnd.of(reason, watch.dialog == OutboundDialog.CONFIRMED);
        LOG.debug("subscription of {} to {} ended ({}): {}", watch.watcher(), watch.presentity, reason, end);
        switch (end) {
            case END_AUTHORIZATION -> {
                state.apply(StateChange.put(
                        PresenceAuthorization.of(watch.key, AuthorizationState.REJECTED, clock.instant())));
                lanes.sendEnd(watch);
            }
            case RESUBSCRIBE -> {
                if (watch.dialog == OutboundDialog.CONFIRMED) {
                    start(watch.again(true), SubscribeKind.RESUBSCRIBE);
                } else {
                    lanes.send(watch, watch.offline());
                }
            }
            case LOSE_PRESENCE -> {
                lanes.send(watch, watch.offline());
                if (watch.dialog == OutboundDialog.CONFIRMED) {
                    retrying.put(watch.key, watch);
                    scheduler.schedule(() -> retry(watch), retry);
                }
            }
        }
    }

    /**
     * The link to the edge is lost (issue 6 item 4): every XMPP user watching a SIP user through a confirmed
     * subscription is told the SIP user is {@code unavailable}; the subscriptions are kept for {@link #edgeRestored}.
     */
    public synchronized void edgeLost() {
        for (PresentityWatch watch : held.all()) {
            if (watch.dialog == OutboundDialog.CONFIRMED) {
                List<XmppPresence> offline = watch.offline();
                watch.show(offline);
                lanes.send(watch, offline);
            }
        }
    }

    /**
     * The link to the edge is back: every confirmed subscription is ended and made again, so that the NOTIFY of
     * the new one brings the current presence.
     */
    public synchronized void edgeRestored() {
        for (PresentityWatch watch : held.all()) {
            if (watch.dialog != OutboundDialog.CONFIRMED) {
                continue;
            }
            held.releaseId(watch);
            held.releaseKey(watch);
            watch.stored().ifPresent(dialogs::forget);
            metrics.unsubscribing(watch.id);
            sip.unsubscribe(watch.id);
            start(watch.again(true), SubscribeKind.EDGE_RETURN);
        }
    }

    /** Subscribes again for a confirmed pair whose subscription failed, unless it was renewed or ended since. */
    private synchronized void retry(PresentityWatch failed) {
        if (!retrying.remove(failed.key, failed) || held.holds(failed.key)) {
            return;
        }
        LOG.debug("subscribing {} to {} again after a transient failure", failed.watcher(), failed.presentity);
        start(failed.again(false), SubscribeKind.RETRY);
    }

    private void forget(AuthorizationKey key) {
        state.apply(new StateChange.Remove(key)).exceptionally(failed -> {
            LOG.warn("authorization {} not removed: {}", key, failed.toString());
            return null;
        });
    }

    private static AuthorizationKey key(SipAddress presentity, XmppAddress watcher) {
        return new AuthorizationKey(presentity.withoutGruu(), watcher.bare(), AuthorizationDirection.XMPP_TO_SIP);
    }
}
