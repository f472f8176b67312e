package org.parley.sip.notifier;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.ToHeader;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.SipInbound;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipWatcherRegistry;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.sip.dialog.ReleasingDialogPath;
import org.parley.sip.dialog.SnapshotDialogPath;
import org.parley.sip.router.RequestHandler;
import org.parley.sip.router.Responders;
import org.parley.sip.router.TransactionResponder;
import org.parley.sip.transaction.MessageCopy;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles SUBSCRIBE, the gateway acting as notifier (RFC 6665 §4.2). Only the {@code presence} event package
 * is served (RFC 3856); others get 489 with Allow-Events (§4.2.1.1). A SUBSCRIBE without a To tag creates a
 * dialog and a {@link Watcher}, reported to {@link SipInbound#onWatcher} for the application's decision
 * (accepted as pending by the module after {@code decisionTime}); one with a To tag refreshes or ends its
 * watcher, or gets 481 (§4.2.1.2). Watchers accepted before a restart are taken back by {@link #resume} from their
 * stored dialog values; their refreshes are matched by Call-ID and To tag like any other. Runs on the stack's
 * event thread; answers and events go to workers, those of one watcher (its in-dialog SUBSCRIBEs and its events)
 * one at a time in the order they happened, so a refresh is not overtaken by the unsubscribe that followed it and
 * the application never sees a watcher's end before its start or its last dialog values.
 */
public final class Watchers implements RequestHandler, SipWatcherRegistry {

    /** The one event package served. */
    public static final String PRESENCE = "presence";
    /**
     * How long the application may take to decide on a new SUBSCRIBE before the module accepts it as pending:
     * well inside the edge's transaction time for it (Kamailio's default fr_timer is 5 s).
     */
    public static final Duration DECISION_TIME = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(Watchers.class);

    private final SipProvider provider;
    private final Responders responders;
    private final SipInbound inbound;
    private final Executor worker;
    private final KeyedLanes<WatcherId> events;
    private final Duration decisionTime;
    private final RequestFactory factory;
    private final WatcherServices services;
    private final Map<WatcherId, Watcher> watchers = new ConcurrentHashMap<>();

    public Watchers(SipProvider provider, Responders responders, SipInbound inbound, Executor worker,
                    Duration decisionTime, RequestFactory factory,
                    OutboundSender sender,
                    ScheduledExecutorService scheduler) {
        this.provider = provider;
        this.responders = responders;
        this.inbound = inbound;
        this.worker = worker;
        // bounded by the workers' queue (one lane start per watcher); a lane holds the few events of one dialog
        this.events = new KeyedLanes<>(worker, Integer.MAX_VALUE);
        this.decisionTime = decisionTime;
        this.factory = factory;
        this.services = new WatcherServices(factory, sender, scheduler, this::emit);
    }

    @Override
    public void handle(RequestEvent event) {
        Optional<ServerTransaction> transaction = responders.transaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        InboundRequest request = MessageCopy.request(event.getRequest());
        String toTag = ((ToHeader) event.getRequest().getHeader(ToHeader.NAME)).getTag();
        String tag = toTag == null ? TransactionResponder.newTag() : toTag;
        TransactionResponder responder = responders.forTransaction(transaction.get(), tag);
        Optional<Duration> expires = expires(request);
        if (!isPresence(request)) {
            answer(() -> responder.respond(489, List.of(new SipHeader("Allow-Events", PRESENCE)), Optional.empty()));
        } else if (expires.isEmpty()) {
            answer(() -> responder.respond(400));
        } else if (toTag != null) {
            WatcherId id = new WatcherId(request.callId(), toTag);
            Watcher watcher = watchers.get(id);
            answer(id, () -> {
                if (watcher == null) {
                    responder.respond(481);
                } else {
                    watcher.refresh(responder, expires.get(),
                            request.header("Contact").flatMap(MessageCopy::uriOf));
                }
            });
        } else {
            subscribe(request, transaction.get(), responder, tag, expires.get());
        }
    }

    private void subscribe(InboundRequest request, ServerTransaction transaction, TransactionResponder responder,
                           String tag, Duration requested) {
        Dialog dialog;
        try {
            dialog = provider.getNewDialog(transaction);
        } catch (SipException | RuntimeException e) {
            LOG.warn("no dialog for SUBSCRIBE from {}: {}", request.from(), e.toString());
            answer(() -> responder.respond(500));
            return;
        }
        WatcherId id = new WatcherId(request.callId(), tag);
        Watcher watcher = new Watcher(id, new ReleasingDialogPath(dialog, factory, List.of(id.callId(), id.localTag())), PRESENCE, responder, requested,
                services);
        watchers.put(id, watcher);
        watcher.awaitDecision(decisionTime);
        WatcherEvent.Subscribed subscribed = new WatcherEvent.Subscribed(id, request, requested, watcher);
        try {
            events.execute(id, () -> deliver(subscribed));
        } catch (RejectedExecutionException e) {
            responders.metrics().refused("overloaded");
            watcher.reject(503);
        }
    }

    @Override
    public Optional<SipNotifier> resume(SipDialogSnapshot dialog, String event, Duration remaining, Duration ceiling) {
        if (remaining.isNegative() || remaining.isZero()) {
            return Optional.empty();
        }
        WatcherId id = new WatcherId(dialog.callId(), dialog.localTag());
        Watcher watcher = Watcher.resumed(id, new SnapshotDialogPath(dialog.resumed(), factory), event, remaining,
                ceiling, services);
        if (watchers.putIfAbsent(id, watcher) != null) {
            watcher.discard();
            return Optional.empty();
        }
        LOG.debug("watcher {} resumed for {} s", id.callId(), remaining.toSeconds());
        return Optional.of(watcher);
    }

    private void emit(WatcherEvent event) {
        if (event instanceof WatcherEvent.Ended) {
            watchers.remove(event.id());
        }
        try {
            events.execute(event.id(), () -> deliver(event));
        } catch (RejectedExecutionException e) {
            deliver(event); // the watcher had no lane (only a new lane is refused): nothing of it is overtaken
        }
    }

    private void deliver(WatcherEvent event) {
        try {
            inbound.onWatcher(event);
        } catch (RuntimeException e) {
            LOG.warn("the application failed on {}", event, e);
        }
    }

    /** Answers an in-dialog SUBSCRIBE after what its watcher has waiting; on this thread if the workers are full. */
    private void answer(WatcherId id, Runnable answer) {
        try {
            events.execute(id, answer);
        } catch (RejectedExecutionException e) {
            responders.metrics().refused("overloaded");
            answer.run();
        }
    }

    private void answer(Runnable answer) {
        try {
            worker.execute(answer);
        } catch (RejectedExecutionException e) {
            responders.metrics().refused("overloaded");
            answer.run();
        }
    }

    static boolean isPresence(InboundRequest request) {
        return request.header("Event").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(PRESENCE::equals).isPresent();
    }

    /** The requested duration: Expires in seconds, 3600 s when absent (RFC 3856 §6.4); empty if unreadable. */
    static Optional<Duration> expires(InboundRequest request) {
        Optional<String> value = request.header("Expires");
        if (value.isEmpty()) {
            return Optional.of(Watcher.DEFAULT_EXPIRES);
        }
        try {
            long seconds = Long.parseLong(value.get().strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
