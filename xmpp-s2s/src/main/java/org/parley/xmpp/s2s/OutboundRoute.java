package org.parley.xmpp.s2s;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.dialback.DialbackElement;
import org.parley.xmpp.dns.AddressResolution;
import org.parley.xmpp.dns.ConnectTarget;
import org.parley.xmpp.dns.PeerResolver;
import org.parley.xmpp.dns.Resolution;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stream.StreamClose;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.parley.xmpp.stream.XmppStreamEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route for one domain pair (Prosody's routing shape): at most one outbound stream, reused for every stanza;
 * while it is being set up (policy, DNS, connect, TLS, authentication, all within the connect timeout) stanzas
 * wait in a bounded queue; if setup fails each queued stanza is bounced to its sender with
 * {@code remote-server-not-found} (policy, DNS or connect) or {@code remote-server-timeout} (anything later), and
 * the route backs off with jittered exponential delays, bouncing at once meanwhile. Its streams also carry the
 * receiving role's {@code db:verify} requests ({@link PendingVerifies}).
 * Confined to one event loop: every method runs there.
 */
final class OutboundRoute implements RouteEvents {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoute.class);

    private enum State { IDLE, CONNECTING, READY, BACKOFF }

    private final DomainPair pair;
    private final EventLoop loop;
    private final S2sContext context;
    private final PeerResolver resolver;
    private final Bounces bounces;
    private final PingTracker pings;
    private final Backoff backoff;
    private final ArrayDeque<Stanza> queue = new ArrayDeque<>();
    private final PendingVerifies verifies;
    private final RouteStates links;
    private State state = State.IDLE;
    private OutboundSession session;
    private ScheduledFuture<?> setupTimer;
    private int failures;
    private long retryAtNanos;
    private StanzaErrorCondition lastFailure = StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND;

    OutboundRoute(DomainPair pair, EventLoop loop, S2sContext context, PeerResolver resolver, Bounces bounces,
                  PingTracker pings, Backoff backoff, RouteStates links) {
        this.pair = pair;
        this.loop = loop;
        this.context = context;
        this.resolver = resolver;
        this.bounces = bounces;
        this.pings = pings;
        this.backoff = backoff;
        this.verifies = new PendingVerifies(pair);
        this.links = links;
    }

    EventLoop loop() {
        return loop;
    }

    void send(Stanza stanza) {
        switch (state) {
            case READY -> session.send(stanza);
            case CONNECTING -> enqueue(stanza);
            case BACKOFF, IDLE -> {
                if (state == State.BACKOFF && System.nanoTime() < retryAtNanos) {
                    bounces.bounce(stanza, lastFailure);
                    return;
                }
                enqueue(stanza);
                connect();
            }
        }
    }

    void verify(String streamId, String key, CompletableFuture<DialbackVerifier.Outcome> answer) {
        if (state == State.BACKOFF && System.nanoTime() < retryAtNanos) {
            answer.complete(DialbackVerifier.Outcome.ERROR);
            return;
        }
        boolean usable = session != null && session.usable();
        verifies.add(streamId, key, answer, usable ? session : null);
        if (!usable && (state == State.IDLE || state == State.BACKOFF)) {
            connect();
        }
    }

    private void enqueue(Stanza stanza) {
        if (queue.size() >= context.settings().limits().queueSize()) {
            bounces.bounce(stanza, StanzaErrorCondition.RESOURCE_CONSTRAINT);
        } else {
            queue.add(stanza);
        }
    }

    private void connect() {
        PeerDecision decision = context.policy().decide(pair.remote());
        if (decision instanceof PeerDecision.Refused refused) {
            LOG.warn("not connecting to {}: {} {}", pair.remote(), refused.domain(), refused.reason());
            context.metrics().refused("policy");
            drain(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
            state = State.IDLE;
            return;
        }
        PeerDecision.Permitted permitted = (PeerDecision.Permitted) decision;
        state = State.CONNECTING;
        setupTimer = loop.schedule(() -> failed(session, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                "no authenticated stream within " + context.settings().timeouts().connect()),
                context.settings().timeouts().connect().toMillis(), TimeUnit.MILLISECONDS);
        if (permitted.host().isPresent() || permitted.port().isPresent()) {
            ConnectTarget target = new ConnectTarget(permitted.host().orElse(pair.remote()),
                    permitted.port().orElse(ConnectTarget.DEFAULT_PORT), false);
            tryTargets(permitted, List.of(target), 0);
            return;
        }
        resolver.resolveServer(pair.remote()).whenCompleteAsync((resolution, error) -> {
            if (state != State.CONNECTING) {
                return;
            }
            if (resolution instanceof Resolution.Found found) {
                tryTargets(permitted, found.targets(), 0);
            } else {
                connectFailed(resolution instanceof Resolution.Failed f ? f.failure() + " " + f.detail() : String.valueOf(error));
            }
        }, loop);
    }

    private void tryTargets(PeerDecision.Permitted permitted, List<ConnectTarget> targets, int index) {
        if (state != State.CONNECTING) {
            return;
        }
        if (index >= targets.size()) {
            connectFailed("no reachable server among " + targets);
            return;
        }
        ConnectTarget target = targets.get(index);
        if (target.directTls() && (context.tls().directClient().isEmpty() || permitted.tls() == TlsRequirement.DISABLED)) {
            tryTargets(permitted, targets, index + 1);
            return;
        }
        resolver.resolveAddresses(target.host()).whenCompleteAsync((addresses, error) -> {
            if (addresses instanceof AddressResolution.Found found) {
                tryAddresses(permitted, targets, index, found.addresses(), 0);
            } else {
                LOG.info("cannot resolve {}: {}", target.host(), addresses);
                tryTargets(permitted, targets, index + 1);
            }
        }, loop);
    }

    private void tryAddresses(PeerDecision.Permitted permitted, List<ConnectTarget> targets, int index,
                              List<InetAddress> addresses, int next) {
        if (state != State.CONNECTING) {
            return;
        }
        if (next >= addresses.size()) {
            tryTargets(permitted, targets, index + 1);
            return;
        }
        ConnectTarget target = targets.get(index);
        InetSocketAddress address = new InetSocketAddress(addresses.get(next), target.port());
        OutboundSession candidate = new OutboundSession(this, pair, permitted, target, context, pings);
        ChannelFuture connecting = bootstrap(candidate).connect(address);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                LOG.info("cannot connect to {} for {}: {}", address, pair.remote(), done.cause().toString());
                tryAddresses(permitted, targets, index, addresses, next + 1);
            } else if (state == State.CONNECTING) {
                session = candidate;
            } else {
                connecting.channel().close();
            }
        });
    }

    private Bootstrap bootstrap(OutboundSession handler) {
        S2sTimeouts timeouts = context.settings().timeouts();
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeouts.connect().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("decoder", new XmppStreamDecoder(context.settings().limits().stream()))
                                .addLast("encoder", new XmppStreamEncoder())
                                .addLast("idle", new IdleStateHandler(0, timeouts.pingInterval().toMillis(), 0,
                                        TimeUnit.MILLISECONDS))
                                .addLast("session", handler);
                    }
                });
    }

    /** The stream's security is settled: send the verifications waiting for it. */
    @Override
    public void streamUsable(OutboundSession usable) {
        if (usable != session) {
            return;
        }
        verifies.sendWaiting(usable);
    }

    /** A {@code db:verify} answer arrived on {@code from}; accepted only if it answers one we sent there. */
    @Override
    public void verifyAnswered(OutboundSession from, DialbackElement answer) {
        verifies.answered(from, answer);
    }

    @Override
    public void ready(OutboundSession ready) {
        if (ready != session) {
            return;
        }
        state = State.READY;
        failures = 0;
        cancelTimer();
        LOG.info("route {} ready; sending {} queued stanza(s)", pair, queue.size());
        links.ready(pair.remote());
        while (!queue.isEmpty()) {
            session.send(queue.poll());
        }
    }

    @Override
    public void failed(OutboundSession failing, StanzaErrorCondition condition, String reason) {
        if (failing != session || state != State.CONNECTING) {
            if (failing == session && state == State.READY) {
                sessionClosed(failing, SessionEnd.BROKEN, reason);
            }
            return;
        }
        if (session != null) {
            session.closeNow(new StreamClose());
            session = null;
        }
        failures++;
        lastFailure = condition;
        long waitNanos = backoff.after(failures).toNanos();
        retryAtNanos = System.nanoTime() + waitNanos;
        state = State.BACKOFF;
        cancelTimer();
        LOG.warn("route {} failed ({}): {}; {} queued stanza(s) bounce, next attempt in {} ms", pair,
                condition.elementName(), reason, queue.size(), waitNanos / 1_000_000);
        drain(condition);
        links.failed(pair.remote(), "cannot set up a stream: " + reason);
    }

    private void connectFailed(String reason) {
        failed(session, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, reason);
    }

    @Override
    public void sessionClosed(OutboundSession closed, SessionEnd end, String reason) {
        if (closed != session) {
            return;
        }
        if (state == State.CONNECTING) {
            failed(closed, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, reason);
            return;
        }
        session = null;
        state = State.IDLE;
        verifies.fail(closed);
        LOG.debug("route {} closed: {}", pair, reason);
        if (end == SessionEnd.BROKEN) {
            links.failed(pair.remote(), reason);
        }
    }

    private void drain(StanzaErrorCondition condition) {
        while (!queue.isEmpty()) {
            bounces.bounce(queue.poll(), condition);
        }
        verifies.fail(null);
    }

    /** Closes the stream and bounces what waits (shutdown). */
    void shutdown() {
        cancelTimer();
        drain(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
        if (session != null) {
            session.closeNow(new StreamClose());
        }
        state = State.IDLE;
    }

    private void cancelTimer() {
        if (setupTimer != null) {
            setupTimer.cancel(false);
            setupTimer = null;
        }
    }
}
