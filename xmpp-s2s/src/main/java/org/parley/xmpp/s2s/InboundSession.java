package org.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stream.StreamClose;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamErrorCondition;
import org.parley.xmpp.stream.StreamEvent;
import org.parley.xmpp.stream.StreamHeader;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound s2s stream, from the peer's header to its close (RFC 6120 §4–§6, §8; XEP-0220; XEP-0178):
 * answers the header with ours and the features, refuses domains the policy refuses before TLS (ROBUSTNESS 7),
 * runs STARTTLS (the {@link SslHandler} goes in before {@code <proceed/>} is written, then the decoder resets), and
 * hands authentication to {@link InboundExternal} (SASL EXTERNAL) and {@link InboundDialback}.
 * Stanzas go through {@link InboundStanzas}: accepted only after authentication (ROBUSTNESS 8) and only from an
 * authenticated domain (ROBUSTNESS 9) to a served one (ROBUSTNESS 16). Every failure ends in one place,
 * {@link #fail}. Each remote domain authenticated on it is reported ready to the {@link RouteStates}, and failed
 * when the stream ends without a clean close ({@link SessionEnd#BROKEN}).
 */
final class InboundSession extends ChannelInboundHandlerAdapter implements InboundStanzas.Stream {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSession.class);

    private final S2sContext context;
    private final ConnectionLimiter limiter;
    private final InboundDialback dialback;
    private final InboundExternal external;
    private final InboundStanzas stanzas;
    private final RouteStates links;
    final SessionState state = new SessionState(SessionState.Direction.INBOUND);

    private Channel channel;
    private String streamId;
    private StreamHeader peerHeader;
    private boolean headerSent;
    private boolean counted;
    private boolean closed;
    private boolean closedCleanly;
    private boolean streamError;
    private ScheduledFuture<?> negotiationTimer;

    InboundSession(S2sContext context, ConnectionLimiter limiter, DialbackVerifier verifier, StanzaSink sink,
                   XmppOutbound replies, RouteStates links) {
        this.context = context;
        this.limiter = limiter;
        this.dialback = new InboundDialback(this, context, verifier);
        this.external = new InboundExternal(this, context);
        this.stanzas = new InboundStanzas(this, state, context, sink, replies);
        this.links = links;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        context.metrics().sessionOpened(state.direction());
        if (!limiter.tryAcquire(remoteIp())) {
            context.metrics().refused("unauthenticated-connections");
            log(() -> LOG.warn("refusing connection: too many unauthenticated connections from {}", remoteIp()));
            fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "too many unauthenticated connections"));
            return;
        }
        counted = true;
        negotiationTimer = ctx.executor().schedule(this::negotiationTimedOut,
                context.settings().timeouts().negotiation().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        releaseLimit();
        if (negotiationTimer != null) {
            negotiationTimer.cancel(false);
        }
        context.metrics().sessionClosed(state.direction(), state.anyAuthenticated());
        log(() -> LOG.debug("inbound stream closed"));
        if (SessionEnd.of(state.anyAuthenticated(), closedCleanly && !streamError) == SessionEnd.BROKEN) {
            String why = streamError ? "inbound stream ended with a stream error"
                    : "inbound stream ended without a stream close";
            state.authenticated().stream().map(DomainPair::remote).distinct()
                    .forEach(remote -> links.failed(remote, why));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof StreamEvent event) || closed) {
            return;
        }
        log(() -> {
            if (event instanceof StreamEvent.StreamOpened opened) {
                onHeader(opened.header());
            } else if (event instanceof StreamEvent.StanzaReceived received) {
                onElement(received.element());
            } else if (event instanceof StreamEvent.StreamClosed) {
                closed = true;
                closedCleanly = true;
                channel.writeAndFlush(new StreamClose()).addListener(ChannelFutureListener.CLOSE);
            } else if (event instanceof StreamEvent.StreamFailed failed) {
                fail(failed.error());
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done) {
            log(() -> onHandshake(done));
        } else if (event instanceof IdleStateEvent) {
            log(() -> LOG.info("closing idle inbound stream"));
            closeGracefully();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log(() -> LOG.warn("inbound stream failed: {}", cause.toString()));
        fail(StreamError.of(StreamErrorCondition.INTERNAL_SERVER_ERROR));
    }

    private void onHeader(StreamHeader header) {
        peerHeader = header;
        streamId = context.newStreamId();
        if (!XmppNamespaces.SERVER.equals(header.contentNamespace())) {
            fail(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE));
            return;
        }
        if (header.to() == null || !context.settings().serves(normalised(header.to()))) {
            fail(new StreamError(StreamErrorCondition.HOST_UNKNOWN, "this server does not serve " + header.to()));
            return;
        }
        String from = header.from() == null ? null : normalised(header.from());
        if (from != null && context.policy().decide(from) instanceof PeerDecision.Refused refused) {
            context.metrics().refused("policy");
            LOG.warn("refusing stream from {}: {} {}", from, refused.domain(), refused.reason());
            fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, refused.domain() + " " + refused.reason()));
            return;
        }
        writeHeader();
        if (header.version() != null) {
            channel.writeAndFlush(features(from));
        }
    }

    private XmlElement features(String from) {
        boolean tlsRequired = context.authenticator().tlsRequired(from);
        boolean starttls = !state.secured() && context.tls().server().isPresent()
                && !context.authenticator().tlsRefused(from);
        boolean external = state.secured() && from != null && state.certificateValidFor(from)
                && !state.remoteAuthenticated(from);
        boolean dialbackOffered = state.secured() || !tlsRequired;
        return Features.features(starttls, tlsRequired, external, dialbackOffered);
    }

    private void onElement(XmlElement element) {
        if (element.is(XmppNamespaces.TLS, "starttls")) {
            startTls();
        } else if (element.is(XmppNamespaces.SASL, "auth")) {
            external.onAuth(element);
        } else if (element.namespace().equals(XmppNamespaces.DIALBACK)) {
            dialback.onElement(element);
        } else if (element.is(XmppNamespaces.STREAMS, "error")) {
            LOG.info("peer sent stream error {}", StreamError.fromElement(element).map(StreamError::condition).orElse(null));
            streamError = true;
            closeGracefully();
        } else {
            stanzas.onStanza(element);
        }
    }

    private void startTls() {
        if (state.secured() || context.tls().server().isEmpty()
                || context.authenticator().tlsRefused(peerFrom())) {
            channel.writeAndFlush(Features.tls("failure")).addListener(ChannelFutureListener.CLOSE);
            closed = true;
            return;
        }
        SslHandler ssl = new SslHandler(context.tls().server().get().newEngine(channel.alloc()), true);
        channel.pipeline().addFirst("tls", ssl);
        channel.writeAndFlush(Features.tls("proceed"));
        restartStream();
    }

    private void onHandshake(SslHandshakeCompletionEvent done) {
        if (!done.isSuccess()) {
            LOG.info("TLS handshake failed: {}", done.cause().toString());
            channel.close();
            return;
        }
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        var chain = TlsContexts.peerChain(ssl.engine().getSession());
        state.secured(chain, context.tls().peerChainTrusted(chain, false));
        LOG.debug("TLS established; peer presented {}", state.certificateDescription());
    }

    /** The single funnel to {@link Authenticator}; also lifts the unauthenticated-connection cap. */
    Optional<StreamError> authenticate(DomainPair pair, Authenticator.Mechanism mechanism) {
        Optional<StreamError> refusal = context.authenticator().authenticate(state, pair, mechanism);
        if (refusal.isEmpty()) {
            links.ready(pair.remote());
            releaseLimit();
            if (negotiationTimer != null) {
                negotiationTimer.cancel(false);
            }
        }
        return refusal;
    }

    void restartStream() {
        channel.pipeline().get(XmppStreamDecoder.class).reset();
        headerSent = false;
        peerHeader = null;
    }

    @Override
    public void pauseReading() {
        channel.config().setAutoRead(false);
        channel.eventLoop().schedule(() -> channel.config().setAutoRead(true), 1, TimeUnit.SECONDS);
    }

    private void negotiationTimedOut() {
        if (!state.anyAuthenticated() && channel.isActive()) {
            log(() -> LOG.info("no domain authenticated within {}", context.settings().timeouts().negotiation()));
            fail(StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT));
        }
    }

    private void writeHeader() {
        String to = peerHeader == null ? null : peerHeader.from();
        String from = peerHeader == null ? null : peerHeader.to();
        channel.write(StreamHeader.server(to, from, streamId));
        headerSent = true;
    }

    /** Sends {@code error} (after a header if none was sent) and closes: the one exit for failures. */
    @Override
    public void fail(StreamError error) {
        if (closed || channel == null) {
            return;
        }
        closed = true;
        LOG.info("closing inbound stream with <{}/> {}", error.condition().elementName(), error.text());
        if (!headerSent) {
            if (streamId == null) {
                streamId = context.newStreamId();
            }
            writeHeader();
        }
        channel.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
    }

    private void closeGracefully() {
        if (!closed) {
            closed = true;
            closedCleanly = true;
            if (!headerSent) {
                channel.close();
                return;
            }
            channel.writeAndFlush(new StreamClose()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void write(XmlElement element) {
        channel.writeAndFlush(element);
    }

    String streamId() {
        return streamId;
    }

    boolean isClosed() {
        return closed;
    }

    /** Our domain, as the peer named it in its header, normalised. */
    String localDomain() {
        return normalised(peerHeader.to());
    }

    /** The domain the peer named in its header, normalised; null when it named none. */
    String peerFrom() {
        return peerHeader == null || peerHeader.from() == null ? null : normalised(peerHeader.from());
    }

    void runOnLoop(Runnable work) {
        channel.eventLoop().execute(() -> log(work));
    }

    private void releaseLimit() {
        if (counted) {
            counted = false;
            limiter.release(remoteIp());
        }
    }

    private InetAddress remoteIp() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : InetAddress.getLoopbackAddress();
    }

    private void log(Runnable work) {
        LogContext.run(channel == null ? "-" : channel.remoteAddress(), peerFrom(), work);
    }

    static String normalised(String domain) {
        return Jid.normaliseDomain(domain).orElse(domain);
    }
}
