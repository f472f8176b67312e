package org.parley.gateway.route.presence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.parley.gateway.route.Direction;
import org.parley.gateway.route.RouteOutcome;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;

/**
 * The presence routes' meters on {@code /metrics} (RFC 8048 both ways):
 * <pre>
 *  parley.presence.stanzas{direction, type, outcome}   presence stanzas: from XMPP delivered (to the presence logic),
 *                                                     refused or absorbed (errors); toward XMPP delivered or refused
 *  parley.presence.notifies{direction}                NOTIFYs received (gateway's subscriptions) and sent (watchers)
 *  parley.presence.subscribes{kind}                   SUBSCRIBEs toward the edge by {@link SubscribeKind}, counted
 *                                                     when requested (they may still wait their turn)
 *  parley.presence.subscription.ends{end}             the gateway's subscriptions ended, by {@link SubscriptionEnd}
 *                                                     or {@code unsubscribed}
 *  parley.presence.subscriptions{direction}           gauge: active subscriptions (xmpp-to-sip: the gateway's,
 *                                                     accepted by the edge; sip-to-xmpp: SIP watchers accepted)
 *  parley.presence.subscribe.queue                    gauge: SUBSCRIBEs waiting for their turn ({@link PacedSubscriber})
 *  parley.presence.subscribe.rate                     gauge: the most SUBSCRIBEs per second now: the start rate
 *                                                     until the edge has reached the gateway, then the full rate
 *  parley.presence.restore{state}                     gauge: stored subscriptions subscribed again after the
 *                                                     restart ({@code to-restore}) and those active again
 *                                                     ({@code restored})
 * </pre>
 * Thread-safe. Tag values come from closed sets (a remote's odd presence type counts as {@code other}).
 */
public final class PresenceMetrics {

    private static final Set<String> TYPES = Set.of("subscribe", "subscribed", "unsubscribe", "unsubscribed",
            "probe", "unavailable", "error");

    private final MeterRegistry registry;
    private final Set<SubscriptionId> unsubscribing = ConcurrentHashMap.newKeySet();
    private final Set<SubscriptionId> restoring = ConcurrentHashMap.newKeySet();
    private final Set<WatcherId> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicLong restoreSent = new AtomicLong();
    private final AtomicLong restored = new AtomicLong();
    /** How many of the gateway's subscriptions the edge accepted: counted by their holder, not kept here too. */
    private volatile IntSupplier accepted = () -> 0;
    private final Counter notifiesReceived;
    private final Counter notifiesSent;

    /** Registers the gauges and the NOTIFY counters in {@code registry}. */
    public PresenceMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        notifiesReceived = notifies("received");
        notifiesSent = notifies("sent");
        Gauge.builder("parley.presence.subscriptions", this, metrics -> metrics.accepted.getAsInt())
                .description("Active presence subscriptions, by direction")
                .tag("direction", Direction.XMPP_TO_SIP.tag()).register(registry);
        Gauge.builder("parley.presence.subscriptions", watchers, Set::size)
                .description("Active presence subscriptions, by direction")
                .tag("direction", Direction.SIP_TO_XMPP.tag()).register(registry);
        Gauge.builder("parley.presence.restore", restoreSent, AtomicLong::get)
                .description("Stored subscriptions subscribed again after the restart, and those active again")
                .tag("state", "to-restore").register(registry);
        Gauge.builder("parley.presence.restore", restored, AtomicLong::get)
                .description("Stored subscriptions subscribed again after the restart, and those active again")
                .tag("state", "restored").register(registry);
    }

    /**
     * Reports {@code accepted} as the gateway's active subscriptions (xmpp-to-sip): their holder counts them, so
     * that no second set of 100,000s of ids is kept for a gauge.
     */
    public void followSubscriptions(IntSupplier accepted) {
        this.accepted = Objects.requireNonNull(accepted, "accepted");
    }

    /** Follows how many SUBSCRIBEs wait in {@code paced}, and the rate it sends them at. */
    public void queue(PacedSubscriber paced) {
        Gauge.builder("parley.presence.subscribe.queue", paced, PacedSubscriber::waiting)
                .description("SUBSCRIBEs toward the edge waiting for their turn").register(registry);
        Gauge.builder("parley.presence.subscribe.rate", paced, PacedSubscriber::currentRate)
                .description("The most SUBSCRIBEs per second toward the edge now (lower until the edge has reached"
                        + " the gateway)").register(registry);
    }

    /** Counts one presence stanza from a remote XMPP user by what became of it. */
    public void fromXmpp(Stanza stanza, RouteOutcome outcome) {
        stanza(Direction.XMPP_TO_SIP, stanza, outcome);
    }

    /** {@code xmpp}, counting each presence stanza sent through it ({@code refused} when sending throws). */
    public XmppOutbound toXmpp(XmppOutbound xmpp) {
        Objects.requireNonNull(xmpp, "xmpp");
        return stanza -> {
            try {
                xmpp.send(stanza);
            } catch (RuntimeException e) {
                stanza(Direction.SIP_TO_XMPP, stanza, RouteOutcome.REFUSED);
                throw e;
            }
            stanza(Direction.SIP_TO_XMPP, stanza, RouteOutcome.DELIVERED);
        };
    }

    /** Counts a SUBSCRIBE the route starts for {@code id}. */
    public void subscribing(SubscribeKind kind, SubscriptionId id) {
        subscribes(kind);
        if (kind == SubscribeKind.RESTORE) {
            restoring.add(id);
            restoreSent.incrementAndGet();
        }
    }

    /** Counts an unsubscribe of {@code id}; its end is counted as {@code unsubscribed}. */
    public void unsubscribing(SubscriptionId id) {
        subscribes(SubscribeKind.UNSUBSCRIBE);
        unsubscribing.add(id);
    }

    /** Follows one of the gateway's subscriptions: NOTIFYs, refreshes, activity and ends. */
    public void event(SubscriptionEvent event) {
        SubscriptionId id = event.id();
        if (event instanceof SubscriptionEvent.Notified) {
            notifiesReceived.increment();
        } else if (event instanceof SubscriptionEvent.Accepted accepted) {
            if (accepted.refresh()) {
                subscribes(SubscribeKind.REFRESH);
            }
            if (restoring.remove(id)) {
                restored.incrementAndGet();
            }
        } else if (event instanceof SubscriptionEvent.Terminated terminated) {
            if (terminated.reason().startsWith("refresh failed")) {
                subscribes(SubscribeKind.REFRESH);
            }
            restoring.remove(id);
            String end = unsubscribing.remove(id) ? "unsubscribed" : tag(SubscriptionEnd.of(terminated.reason()).name());
            Counter.builder("parley.presence.subscription.ends")
                    .description("The gateway's presence subscriptions ended, by what the end means")
                    .tag("end", end).register(registry).increment();
        }
    }

    /** Follows a subscription to the gateway; a new watcher's notifier is returned metered. */
    public WatcherEvent watcher(WatcherEvent event) {
        if (event instanceof WatcherEvent.Subscribed subscribed) {
            return new WatcherEvent.Subscribed(subscribed.id(), subscribed.request(), subscribed.requested(),
                    new MeteredNotifier(subscribed.notifier(), this));
        }
        if (event instanceof WatcherEvent.Ended ended) {
            watchers.remove(ended.id());
        }
        return event;
    }

    void watcherAccepted(WatcherId id) {
        watchers.add(id);
    }

    void notifySent() {
        notifiesSent.increment();
    }

    private void subscribes(SubscribeKind kind) {
        Counter.builder("parley.presence.subscribes").description("SUBSCRIBEs toward the edge, by kind")
                .tag("kind", kind.tag()).register(registry).increment();
    }

    private void stanza(Direction direction, Stanza stanza, RouteOutcome outcome) {
        Counter.builder("parley.presence.stanzas")
                .description("Presence stanzas routed between XMPP and SIP, by direction, type and outcome")
                .tag("direction", direction.tag()).tag("type", type(stanza.type())).tag("outcome", outcome.tag())
                .register(registry).increment();
    }

    private Counter notifies(String direction) {
        return Counter.builder("parley.presence.notifies").description("Presence NOTIFYs received and sent")
                .tag("direction", direction).register(registry);
    }

    private static String type(String type) {
        if (type == null || type.isEmpty()) {
            return "available";
        }
        return TYPES.contains(type) ? type : "other";
    }

    private static String tag(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
