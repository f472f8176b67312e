package org.parley.gateway.assembly;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.gateway.admin.AdminServer;
import org.parley.gateway.admin.Health;
import org.parley.gateway.admin.HealthCheck;
import org.parley.gateway.allowlist.AllowList;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.lifecycle.Lifecycle;
import org.parley.gateway.lifecycle.StartResult;
import org.parley.gateway.lifecycle.StopReport;
import org.parley.gateway.metrics.GatewayMetrics;
import org.parley.gateway.sip.SipService;
import org.parley.gateway.sip.UnroutedSipInbound;
import org.parley.gateway.xmpp.UnroutedXmppInbound;
import org.parley.gateway.xmpp.XmppService;

/**
 * The running gateway: every service built from one {@link GatewayConfig} and started in order — the store
 * (with the live allow list) first, then XMPP federation and the SIP leg, the admin endpoint last, so that {@code /health} answers only once
 * everything before it is up — and stopped in reverse order. The only place that wires modules together.
 */
public final class Gateway {

    private final GatewayMetrics metrics;
    private final StoreService store;
    private final Lifecycle lifecycle;

    private Gateway(GatewayMetrics metrics, StoreService store, Lifecycle lifecycle) {
        this.metrics = metrics;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /** Builds (does not start) the gateway for {@code config}. */
    public static Gateway assemble(GatewayConfig config, Clock clock) {
        GatewayMetrics metrics = new GatewayMetrics();
        StoreService store = new StoreService(config.store(), config.federation(), metrics.registry(), clock,
                AllowList.DEFAULT_POLL_INTERVAL);
        // the admin service reports on the lifecycle it is part of: the check reads it once it exists
        AtomicReference<Lifecycle> lifecycle = new AtomicReference<>();
        HealthCheck running = HealthCheck.of("services", () -> servicesHealth(lifecycle.get().state()));
        UnroutedXmppInbound xmppInbound = new UnroutedXmppInbound();
        XmppService xmpp = new XmppService(config.xmpp(), config.federation().mode(), store::allowList, xmppInbound,
                metrics.registry());
        xmppInbound.replyThrough(xmpp);
        SipService sip = new SipService(config.sip(), new UnroutedSipInbound(), metrics.registry());
        AdminServer admin = new AdminServer(config.admin(), List.of(running, store), metrics.registry());
        lifecycle.set(new Lifecycle(List.of(store, xmpp, sip, admin), Lifecycle.DEFAULT_STOP_DEADLINE));
        return new Gateway(metrics, store, lifecycle.get());
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
