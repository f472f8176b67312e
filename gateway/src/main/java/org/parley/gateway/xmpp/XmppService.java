package org.parley.gateway.xmpp;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.parley.gateway.allowlist.AllowList;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.config.XmppConfig;
import org.parley.gateway.lifecycle.BindFailure;
import org.parley.gateway.lifecycle.BoundEndpoint;
import org.parley.gateway.lifecycle.ListenTarget;
import org.parley.gateway.lifecycle.Service;
import org.parley.xmpp.s2s.XmppFederation;
import org.parley.xmpp.s2s.XmppInbound;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XMPP server-to-server federation (RFC 6120, XEP-0220, XEP-0178) as a lifecycle service: builds the s2s
 * settings from {@code <xmpp>}, applies the live allow list as peer policy, binds {@code <xmpp><listen>}, and
 * offers {@link XmppOutbound} to the routes. A bind failure becomes a {@link BindFailure} naming the address,
 * port and configuration element.
 */
public final class XmppService implements Service, XmppOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(XmppService.class);

    private final XmppConfig xmpp;
    private final FederationConfig.Mode mode;
    private final Supplier<Optional<AllowList>> allowList;
    private final XmppInbound inbound;
    private final MeterRegistry registry;

    private XmppFederation federation;
    private InetSocketAddress bound;

    /** @param allowList the live allow list, present once the store has started (it starts before this service) */
    public XmppService(XmppConfig xmpp, FederationConfig.Mode mode, Supplier<Optional<AllowList>> allowList,
                       XmppInbound inbound, MeterRegistry registry) {
        this.xmpp = xmpp;
        this.mode = mode;
        this.allowList = allowList;
        this.inbound = inbound;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "xmpp";
    }

    @Override
    public synchronized void start() throws Exception {
        AllowListPeerPolicy policy = new AllowListPeerPolicy(
                allowList.get().orElseThrow(() -> new IllegalStateException("the store service must start first")), mode);
        XmppFederation created = new XmppFederation(S2sSettingsFactory.create(xmpp, new SecureRandom()), policy, inbound,
                registry);
        try {
            bound = created.start();
        } catch (RuntimeException e) {
            throw BindFailure.recognise(new ListenTarget("xmpp s2s", xmpp.listen(), "xmpp/listen"), e).orElseThrow(() -> e);
        }
        federation = created;
        LOG.info("XMPP s2s for {} listening on {}:{} (TLS {}, federation {})", xmpp.domains(), bound.getHostString(),
                bound.getPort(), token(xmpp.tls().mode()), token(mode));
    }

    private static String token(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public synchronized void stop() {
        if (federation != null) {
            federation.stop();
            federation = null;
        }
    }

    @Override
    public synchronized List<BoundEndpoint> endpoints() {
        return bound == null ? List.of() : List.of(new BoundEndpoint("xmpp s2s", "tcp", bound));
    }

    @Override
    public void send(Stanza stanza) {
        XmppFederation current;
        synchronized (this) {
            current = federation;
        }
        Optional.ofNullable(current).orElseThrow(() -> new IllegalStateException("XMPP federation is not running"))
                .send(stanza);
    }
}
