package org.parley.gateway.assembly;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.parley.gateway.admin.AdminServer;
import org.parley.gateway.admin.Health;
import org.parley.gateway.admin.HealthCheck;
import org.parley.gateway.allowlist.AllowList;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.config.PresenceConfig;
import org.parley.gateway.lifecycle.Lifecycle;
import org.parley.gateway.lifecycle.StartResult;
import org.parley.gateway.lifecycle.StopReport;
import org.parley.gateway.metrics.GatewayMetrics;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.RouteSettings;
import org.parley.gateway.route.RouteWorkers;
import org.parley.gateway.route.presence.EdgeLinkWatch;
import org.parley.gateway.route.presence.EdgeReachInbound;
import org.parley.gateway.route.presence.NotifyBodies;
import org.parley.gateway.route.presence.PacedSubscriber;
import org.parley.gateway.route.presence.PresenceMetrics;
import org.parley.gateway.route.presence.PresenceRoute;
import org.parley.gateway.route.presence.Scheduler;
import org.parley.gateway.route.presence.SipPresentities;
import org.parley.gateway.route.presence.SipWatchers;
import org.parley.gateway.route.presence.XmppDomainLinks;
import org.parley.gateway.route.sip2xmpp.SipToXmppRoute;
import org.parley.gateway.route.xmpp2sip.XmppToSipRoute;
import org.parley.gateway.sip.SipService;
import org.parley.gateway.xmpp.XmppService;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SipWatcherRegistry;
import org.parley.sip.SubscriptionId;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.xmpp.s2s.XmppOutbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: every service built from one {@link GatewayConfig} and started in order — the store (with
 * the live allow list) first, then XMPP federation, the SIP leg and the route workers (whose pool takes work from
 * construction on; stopping them before the SIP leg answers the SIP transactions still waiting), then the presence
 * restart (stored subscriptions subscribed again, contacts probed), the admin endpoint last, so that
 * {@code /health} answers only once everything before it is up — and stopped in reverse order. The only place that wires modules together: s2s → {@link XmppToSipRoute} → SIP, and SIP → {@link SipToXmppRoute} →
 * s2s, both handing presence to one {@link PresenceRoute} whose state lives in the store, and the SIP leg's edge
 * state changes to the presence route's {@link EdgeLinkWatch}.
 */
public final class Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** Probes toward an unreachable XMPP domain: first after this, doubling up to {@link #DOMAIN_RETRY_MAX}. */
    private static final Duration DOMAIN_RETRY_FIRST = Duration.ofSeconds(5);
    private static final Duration DOMAIN_RETRY_MAX = Duration.ofMinutes(5);

    private final GatewayMetrics metrics;
    private final StoreService store;
    private final Lifecycle lifecycle;

    private Gateway(GatewayMetrics metrics, StoreService store, Lifecycle lifecycle) {
        this.metrics = metrics;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** Builds (does not start) the gateway for {@code config}, its IM routes as {@code <messages>} says. */
    public static Gateway assemble(GatewayConfig config, Clock clock) {
        return assemble(config, clock, RouteSettings.of(config.messages()));
    }

    /** Builds (does not start) the gateway for {@code config}, its IM routes behaving as {@code routes} says. */
    public static Gateway assemble(GatewayConfig config, Clock clock, RouteSettings routes) {
        GatewayMetrics metrics = new GatewayMetrics();
        StoreService store = new StoreService(config.store(), config.federation(), metrics.registry(), clock,
                AllowList.DEFAULT_POLL_INTERVAL, config.presence().stateWriteLinger());
        // the admin service reports on the lifecycle it is part of: the check reads it once it exists
        AtomicReference<Lifecycle> lifecycle = new AtomicReference<>();
        HealthCheck running = HealthCheck.of("services", () -> servicesHealth(lifecycle.get().state()));
        RouteWorkers workers = new RouteWorkers(routes);
        RouteMetrics routeMetrics = new RouteMetrics(metrics.registry());
        RoutePolicy policy = new RoutePolicy(() -> store.allowList().map(AllowList::snapshot),
                config.federation().mode());
        warnAboutSipDomainsNotOnXmpp(config);
        AddressMapper addresses = new AddressMapper(Set.copyOf(config.sip().domains()),
                Set.copyOf(config.xmpp().domains()));
        // the s2s service takes the route that replies through it: the route sends through this reference
        AtomicReference<XmppService> xmppService = new AtomicReference<>();
        XmppOutbound toXmpp = stanza -> xmppService.get().send(stanza);
        AtomicReference<SipService> sipService = new AtomicReference<>();
        // SUBSCRIBEs never sent (cancelled while waiting, queue full) end through the presence route, built next
        AtomicReference<PresenceRoute> presenceRoute = new AtomicReference<>();
        PresenceMetrics presenceMetrics = new PresenceMetrics(metrics.registry());
        PacedSubscriber subscriber = paced(config, new LateSubscriber(sipService::get), presenceRoute::get,
                workers::schedule, presenceMetrics);
        PresenceRoute presence = presenceRoute(config.presence(), addresses, policy, subscriber,
                (dialog, event, remaining, ceiling) -> sipService.get().resume(dialog, event, remaining, ceiling),
                new LivePresenceState(store::presenceState), toXmpp, clock, workers, presenceMetrics);
        presenceRoute.set(presence);
        EdgeLinkWatch edgeLink = new EdgeLinkWatch(presence, workers::schedule);
        SipToXmppRoute sipToXmpp = new SipToXmppRoute(config.sip().fqdn(),
                new org.parley.mapper.sip2xmpp.MessageTranslator(addresses, routes.toXmpp()), policy,
                workers.pending(), toXmpp, routeMetrics, Optional.of(presence), edgeLink::onEdgeState);
        // the edge's first request to the gateway ends the slow start of the SUBSCRIBEs toward it
        SipService sip = new SipService(config.sip(), config.xmpp().dns(),
                new EdgeReachInbound(sipToXmpp, subscriber), metrics.registry());
        sipService.set(sip);
        XmppToSipRoute xmppToSip = new XmppToSipRoute(new KeyedLanes<>(workers, routes.queue()), workers.pending(),
                new org.parley.mapper.xmpp2sip.MessageTranslator(addresses, routes.toSip()), policy, sip, toXmpp,
                routeMetrics, Optional.of(presence));
        XmppService xmpp = new XmppService(config.xmpp(), config.federation().mode(), store::allowList, xmppToSip,
                metrics.registry());
        xmppService.set(xmpp);
        AdminServer admin = new AdminServer(config.admin(), List.of(running, store), metrics.registry());
        lifecycle.set(new Lifecycle(List.of(store, xmpp, sip, workers,
                new PresenceRestart(store::presenceState, presence), admin),
                Lifecycle.DEFAULT_STOP_DEADLINE));
        return new Gateway(metrics, store, lifecycle.get());
    }

    /**
     * The gateway's SUBSCRIBEs toward the edge at {@code <presence subscribe-rate>}, and at
     * {@code subscribe-start-rate} until the edge has reached the gateway; each named by a fresh Call-ID on the
     * gateway's FQDN; those never sent end through the presence {@code route}.
     */
    private static PacedSubscriber paced(GatewayConfig config, SipSubscriber sip, Supplier<PresenceRoute> route,
                                         Scheduler scheduler, PresenceMetrics metrics) {
        int rate = config.presence().subscribeRate();
        PacedSubscriber.SlowStart slowStart = PacedSubscriber.SlowStart.of(config.presence().subscribeStartRate());
        PacedSubscriber paced = new PacedSubscriber(sip, rate, slowStart, PacedSubscriber.capacityFor(rate),
                () -> SubscriptionId.unique(), event -> route.get().onSubscription(event),
                scheduler, System::nanoTime);
        metrics.queue(paced);
        return paced;
    }

    /** Presence both ways (RFC 8048): subscriptions toward the edge, and the edge's watchers of XMPP users. */
    private static PresenceRoute presenceRoute(PresenceConfig config, AddressMapper addresses, RoutePolicy policy,
                                               SipSubscriber subscriber, SipWatcherRegistry registry,
                                               LivePresenceState state, XmppOutbound toXmpp, Clock clock,
                                               RouteWorkers workers, PresenceMetrics metrics) {
        Scheduler scheduler = workers::schedule;
        SubscriptionMapper subscriptions = new SubscriptionMapper(addresses, config.subscriptionSettings());
        XmppOutbound presenceToXmpp = metrics.toXmpp(toXmpp);
        SipPresentities presentities = new SipPresentities(subscriptions, new NotifyBodies(addresses), subscriber,
                state, presenceToXmpp, clock, scheduler, config.retry(), metrics);
        SipWatchers watchers = new SipWatchers(addresses, subscriptions, new XmppToPidf(addresses), policy, state,
                state, presenceToXmpp, clock, config.subscribeExpires(), registry);
        XmppDomainLinks domainLinks = new XmppDomainLinks(watchers, state::authorizationsAt, workers, scheduler,
                DOMAIN_RETRY_FIRST, DOMAIN_RETRY_MAX);
        return new PresenceRoute(addresses, policy, presentities, watchers, toXmpp, state, Optional.of(domainLinks),
                metrics);
    }

    /** RFC 7247: sip:alice@D is the JID alice@D, so D must be served on XMPP too for its users to be reachable. */
    private static void warnAboutSipDomainsNotOnXmpp(GatewayConfig config) {
        config.sip().domains().stream().filter(domain -> !config.xmpp().domains().contains(domain)).forEach(domain ->
                LOG.warn("SIP domain {} is not one of the <xmpp><domain>s: its users cannot be reached from XMPP",
                        domain));
    }

    private static Health servicesHealth(Lifecycle.State state) {
        return state == Lifecycle.State.RUNNING
                ? Health.up()
                : Health.down("gateway is " + state.name().toLowerCase(Locale.ROOT));
    }

    public StartResult start() {
        return lifecycle.start();
    }

    /** Orderly stop in reverse start order within the lifecycle's deadline; idempotent. */
    public StopReport stop() {
        StopReport report = lifecycle.stop();
        metrics.close();
        return report;
    }

    public void awaitStop() throws InterruptedException {
        lifecycle.awaitStop();
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return lifecycle.awaitStop(timeout);
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The live allow list while the gateway runs. */
    public Optional<AllowList> allowList() {
        return store.allowList();
    }
}
