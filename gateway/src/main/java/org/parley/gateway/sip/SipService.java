package org.parley.gateway.sip;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.gateway.config.SipConfig;
import org.parley.gateway.config.XmppConfig;
import org.parley.gateway.lifecycle.BindFailure;
import org.parley.gateway.lifecycle.BoundEndpoint;
import org.parley.gateway.lifecycle.ListenTarget;
import org.parley.gateway.lifecycle.Service;
import org.parley.pki.TlsMaterial;
import org.parley.sip.AccessEdge;
import org.parley.sip.EdgeState;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipFederation;
import org.parley.sip.SipInbound;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipOutbound;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipSettings;
import org.parley.sip.SipStartException;
import org.parley.sip.SipSubscriber;
import org.parley.sip.SipTls;
import org.parley.sip.SipWatcherRegistry;
import org.parley.sip.SubscribeRequest;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP leg to the Access Edge (RFC 3261 over mutual TLS, RFC 5922 names) as a lifecycle service: the settings
 * from {@code <sip>} — listener, FQDN, the edge from {@code <access-edge>} or from DNS for the first SIP domain,
 * certificate, key and the trust anchors for the edge (the configured CA only, not system trust) — and the JAIN-SIP
 * stack started and closed with the gateway. An unreachable edge is not a start failure: the leg reconnects with
 * backoff, reports its state in the {@code parley.sip.edge.connection} metric and pushes each change to the inbound
 * side ({@link SipInbound#onEdgeState}). The edge's name is resolved through the resolver of {@code <xmpp><dns>}
 * when one is configured (the gateway's one resolver), else the system's. Offers {@link SipOutbound} and
 * {@link SipSubscriber} to the routes: while the leg is not running, requests end at once as a
 * {@link SipOutcome.TransportError} and subscriptions as terminated. Takes back stored dialogs after a restart
 * ({@link SipWatcherRegistry}, {@link SipSubscriber#resume}).
 */
public final class SipService implements Service, SipOutbound, SipSubscriber, SipWatcherRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SipService.class);

    private final SipConfig sip;
    private final Optional<XmppConfig.DnsConfig> dns;
    private final SipInbound inbound;
    private final MeterRegistry registry;
    private final AtomicLong notRunning = new AtomicLong();

    private SipFederation federation;

    /** @param dns the resolver for the edge's name; empty for the system resolver */
    public SipService(SipConfig sip, Optional<XmppConfig.DnsConfig> dns, SipInbound inbound, MeterRegistry registry) {
        this.sip = sip;
        this.dns = dns;
        this.inbound = inbound;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public synchronized void start() throws Exception {
        TlsMaterial material = TlsMaterial.load(sip.tls().certificate(), sip.tls().key(), Optional.of(sip.tls().trust()),
                TlsMaterial.SystemTrust.EXCLUDE);
        SipSettings base = SipSettings.of(sip.listen().socketAddress(), sip.fqdn(), edge(), SipTls.of(material));
        SipSettings settings = dns.map(d -> base.withDnsServer(new InetSocketAddress(d.server(), d.port())))
                .orElse(base);
        try {
            federation = SipFederation.start(settings, inbound, registry);
        } catch (SipStartException e) {
            throw BindFailure.recognise(new ListenTarget("sip tls", sip.listen(), "sip/listen"), e)
                    .<Exception>map(b -> b).orElse(e);
        }
        LOG.info("SIP for {} as {} listening on {}:{}; access edge {}", sip.domains(), sip.fqdn(),
                federation.listenAddress().getHostString(), federation.listenAddress().getPort(), describe(settings.edge()));
    }

    private AccessEdge edge() {
        return sip.accessEdge()
                .<AccessEdge>map(e -> AccessEdge.Direct.of(e.host(), e.port()))
                .orElseGet(() -> new AccessEdge.Discovered(sip.domains().get(0)));
    }

    private static String describe(AccessEdge edge) {
        if (edge instanceof AccessEdge.Direct direct) {
            return direct.host() + ":" + direct.port();
        }
        return "found in DNS for " + ((AccessEdge.Discovered) edge).domain();
    }

    @Override
    public synchronized void stop() {
        if (federation != null) {
            federation.close();
            federation = null;
        }
    }

    @Override
    public synchronized List<BoundEndpoint> endpoints() {
        return federation == null ? List.of() : List.of(new BoundEndpoint("sip", "tls", federation.listenAddress()));
    }

    @Override
    public CompletionStage<SipOutcome> send(OutboundRequest request) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        if (current == null) {
            return CompletableFuture.completedFuture(new SipOutcome.TransportError("the SIP leg is not running"));
        }
        return current.outbound().send(request);
    }

    /**
     * Starts a subscription through the running SIP leg. When the leg is not running, the returned id ends at
     * once: its {@link SubscriptionEvent.Terminated} arrives at the inbound side on another thread.
     */
    @Override
    public SubscriptionId subscribe(SubscribeRequest request) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        if (current == null) {
            SubscriptionId id = new SubscriptionId("not-running-" + notRunning.incrementAndGet());
            CompletableFuture.runAsync(() -> inbound.onSubscription(
                    new SubscriptionEvent.Terminated(id, "the SIP leg is not running")));
            return id;
        }
        return current.subscriber().subscribe(request);
    }

    /** Refreshes a stored dialog through the running SIP leg; when it is not running, ends like {@link #subscribe}. */
    @Override
    public SubscriptionId resume(SipDialogSnapshot dialog, SubscribeRequest request) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        return current == null ? subscribe(request) : current.subscriber().resume(dialog, request);
    }

    /**
     * Starts a subscription with a Call-ID chosen by the caller through the running SIP leg; when the leg is not
     * running, {@code id} ends at once, as for {@link #subscribe(SubscribeRequest)}.
     */
    @Override
    public void subscribe(SubscriptionId id, SubscribeRequest request) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        if (current == null) {
            CompletableFuture.runAsync(() -> inbound.onSubscription(
                    new SubscriptionEvent.Terminated(id, "the SIP leg is not running")));
            return;
        }
        current.subscriber().subscribe(id, request);
    }

    /** Takes back a stored watcher through the running SIP leg; none while it is not running. */
    @Override
    public Optional<SipNotifier> resume(SipDialogSnapshot dialog, String event, Duration remaining,
                                        Duration ceiling) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        return current == null ? Optional.empty() : current.watchers().resume(dialog, event, remaining, ceiling);
    }

    @Override
    public void unsubscribe(SubscriptionId id) {
        SipFederation current;
        synchronized (this) {
            current = federation;
        }
        if (current != null) {
            current.subscriber().unsubscribe(id);
        }
    }

    /** The edge connection's state, {@link EdgeState#STOPPED} when the service is not running. */
    public synchronized EdgeState edgeState() {
        return federation == null ? EdgeState.STOPPED : federation.edgeState();
    }
}
