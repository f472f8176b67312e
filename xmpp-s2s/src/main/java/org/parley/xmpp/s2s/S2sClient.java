package org.parley.xmpp.s2s;

import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.parley.xmpp.dns.PeerResolver;
import org.parley.xmpp.stanza.Stanza;

/**
 * The outbound side of s2s: one {@link OutboundRoute} per domain pair, each confined to one event loop, created on
 * first use and reused. Accepts stanzas from any thread ({@link XmppOutbound}); stanzas to a served domain are
 * delivered locally, stanzas from a domain we do not serve are refused (no relaying, ROBUSTNESS 16). Also the
 * receiving role's channel to authoritative servers ({@link DialbackVerifier}).
 */
public final class S2sClient implements XmppOutbound, DialbackVerifier {

    private final S2sContext context;
    private final PeerResolver resolver;
    private final EventLoopGroup group;
    private final Bounces bounces;
    private final PingTracker pings;
    private final RandomGenerator random;
    private final LocalDelivery local;
    private final RouteStates links;
    private final Map<DomainPair, OutboundRoute> routes = new ConcurrentHashMap<>();

    S2sClient(S2sContext context, PeerResolver resolver, EventLoopGroup group, XmppInbound inbound,
              PingTracker pings, RandomGenerator random) {
        this.context = context;
        this.resolver = resolver;
        this.group = group;
        this.bounces = new Bounces(inbound, context.metrics());
        this.pings = pings;
        this.random = random;
        this.local = new LocalDelivery(inbound, new LocalDomain("Parley"), this, pings);
        this.links = new RouteStates(inbound::routeChanged);
    }

    @Override
    public void send(Stanza stanza) {
        if (!context.settings().serves(stanza.from().domain())) {
            throw new IllegalArgumentException("refusing to send from " + stanza.from().domain()
                    + ", which this gateway does not serve (no relaying)");
        }
        if (context.settings().serves(stanza.to().domain())) {
            group.next().execute(() -> local.deliver(stanza));
            return;
        }
        OutboundRoute route = route(new DomainPair(stanza.from().domain(), stanza.to().domain()));
        route.loop().execute(() -> route.send(stanza));
    }

    @Override
    public CompletionStage<Outcome> verify(DomainPair pair, String streamId, String key) {
        CompletableFuture<Outcome> answer = new CompletableFuture<>();
        OutboundRoute route = route(pair);
        route.loop().execute(() -> route.verify(streamId, key, answer));
        return answer;
    }

    StanzaSink localDelivery() {
        return local;
    }

    private OutboundRoute route(DomainPair pair) {
        return routes.computeIfAbsent(pair, p -> new OutboundRoute(p, group.next(), context, resolver, bounces, pings,
                new Backoff(context.settings().timeouts().backoffMin(), context.settings().timeouts().backoffMax(),
                        random), links));
    }

    /** The route state of every remote domain, which inbound streams feed too. */
    RouteStates routeStates() {
        return links;
    }

    /** Closes every outbound stream and bounces what waits; call before the event loops shut down. */
    public void stop() {
        routes.values().forEach(route -> route.loop().execute(route::shutdown));
    }
}
