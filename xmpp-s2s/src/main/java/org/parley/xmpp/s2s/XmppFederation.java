package org.parley.xmpp.s2s;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.parley.xmpp.dns.DnsJavaPeerResolver;
import org.parley.xmpp.dns.PeerResolver;
import org.parley.xmpp.stanza.Stanza;

/**
 * The s2s service as the gateway wires it: the {@link S2sServer} listener and the {@link S2sClient} routes on
 * shared Netty event loops, with one policy, one set of metrics and the two ports. {@link #start()} binds;
 * {@link #stop()} closes streams and bounces what is queued.
 */
public final class XmppFederation implements XmppOutbound {

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup();
    private final S2sServer server;
    private final S2sClient client;
    private final S2sMetrics metrics;

    /** The service with the dnsjava resolver from {@code settings.dns()}. */
    public XmppFederation(S2sSettings settings, PeerPolicy policy, XmppInbound inbound, MeterRegistry registry) {
        this(settings, policy, new DnsJavaPeerResolver(settings.dns(), new SplittableRandom()), inbound, registry);
    }

    /** The service with the given resolver. */
    public XmppFederation(S2sSettings settings, PeerPolicy policy, PeerResolver resolver, XmppInbound inbound,
                          MeterRegistry registry) {
        this.metrics = new S2sMetrics(registry);
        SecureRandom random = new SecureRandom();
        S2sContext context = S2sContext.of(settings, policy, metrics, random);
        this.client = new S2sClient(context, resolver, workers, inbound, new PingTracker(), new SplittableRandom());
        this.server = new S2sServer(context, client, boss, workers);
    }

    /**
     * Binds the s2s listener; returns the bound address. A bind failure is thrown as Netty reports it: a
     * {@link java.net.BindException} (or a native {@code Errors$NativeIoException}) in the cause chain, which the
     * gateway's {@code BindFailure.recognise} classifies.
     */
    public InetSocketAddress start() {
        try {
            return server.start();
        } catch (RuntimeException | Error e) {
            shutdownLoops();
            throw e;
        }
    }

    @Override
    public void send(Stanza stanza) {
        client.send(stanza);
    }

    /** The listener. */
    public S2sServer server() {
        return server;
    }

    /** The outbound routes. */
    public S2sClient client() {
        return client;
    }

    /** The meters. */
    public S2sMetrics metrics() {
        return metrics;
    }

    /**
     * Closes all streams ({@code <system-shutdown/>} inbound), bounces queued stanzas, stops the event loops; no
     * route is reported {@link RouteState#LOST} for streams closed on the way.
     */
    public void stop() {
        client.routeStates().stop();
        server.stop();
        client.stop();
        shutdownLoops();
    }

    private void shutdownLoops() {
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
