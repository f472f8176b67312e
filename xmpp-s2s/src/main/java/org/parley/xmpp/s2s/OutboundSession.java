package org.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.Optional;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.dialback.DialbackElement;
import org.parley.xmpp.dns.ConnectTarget;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stream.StreamClose;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamEvent;
import org.parley.xmpp.stream.StreamHeader;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outbound s2s stream for a domain pair, as initiating server (RFC 6120 §4–§6; XEP-0178; XEP-0220
 * originating role): sends our header, or first TLS when the target is a direct-TLS one (XEP-0368, ALPN
 * {@code xmpp-server}); takes STARTTLS when offered (presenting our certificate); checks the server's certificate
 * name (RFC 6125); authenticates with SASL EXTERNAL when offered and acceptable, otherwise with {@code db:result};
 * a {@code db:result type='valid'} counts only while ours is pending (ROBUSTNESS 10). {@code db:verify} answers
 * go to the {@link RouteEvents}, which knows what it asked. Once ready it carries stanzas, and
 * {@link OutboundLiveness} pings a quiet peer (XEP-0199) and closes an idle stream.
 */
final class OutboundSession extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSession.class);

    /** Where the negotiation stands (RFC 6120 §4.3 order). */
    enum Phase { AWAIT_HEADER, AWAIT_FEATURES, AWAIT_PROCEED, HANDSHAKE, AWAIT_SASL, AWAIT_DIALBACK, READY, DONE }

    private final RouteEvents route;
    private final DomainPair pair;
    private final PeerDecision.Permitted decision;
    private final ConnectTarget target;
    private final S2sContext context;
    private final PingTracker pings;
    private final SessionState state = new SessionState(SessionState.Direction.OUTBOUND);
    private Channel channel;
    private OutboundLiveness liveness;
    private Phase phase = Phase.AWAIT_HEADER;
    private String remoteStreamId = "";
    private boolean usable;
    private boolean saslDone;
    private boolean wasReady;
    private boolean closedCleanly;

    OutboundSession(RouteEvents route, DomainPair pair, PeerDecision.Permitted decision, ConnectTarget target,
                    S2sContext context, PingTracker pings) {
        this.route = route;
        this.pair = pair;
        this.decision = decision;
        this.target = target;
        this.context = context;
        this.pings = pings;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        liveness = new OutboundLiveness(channel, pair, context, pings, reason -> log(() -> closeDead(reason)),
                () -> log(() -> close(new StreamClose(), "idle")));
        context.metrics().sessionOpened(state.direction());
        if (target.directTls()) {
            log(() -> startTls(context.tls().directClient().orElseThrow()));
        } else {
            log(this::sendHeader);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        context.metrics().sessionClosed(state.direction(), state.anyAuthenticated());
        phase = Phase.DONE;
        liveness.stop();
        SessionEnd end = SessionEnd.of(wasReady, closedCleanly);
        log(() -> route.sessionClosed(this, end, end == SessionEnd.BROKEN
                ? "the connection ended without a stream close" : "connection closed"));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamEvent event && phase != Phase.DONE) {
            log(() -> onEvent(event));
        }
    }

    private void onEvent(StreamEvent event) {
        if (event instanceof StreamEvent.StreamOpened opened) {
            remoteStreamId = opened.header().id() == null ? "" : opened.header().id();
            phase = Phase.AWAIT_FEATURES;
            if (opened.header().version() == null) {
                negotiated();
                startDialback();
            }
        } else if (event instanceof StreamEvent.StanzaReceived received) {
            onElement(received.element());
        } else if (event instanceof StreamEvent.StreamClosed) {
            close(new StreamClose(), "the peer closed the stream");
        } else if (event instanceof StreamEvent.StreamFailed failed) {
            close(failed.error(), "the peer sent bad XML: " + failed.error().condition().elementName());
        }
    }

    private void onElement(XmlElement element) {
        if (element.is(XmppNamespaces.STREAMS, "features") && phase == Phase.AWAIT_FEATURES) {
            onFeatures(element);
        } else if (element.is(XmppNamespaces.TLS, "proceed") && phase == Phase.AWAIT_PROCEED) {
            startTls(context.tls().client().orElseThrow());
        } else if (element.is(XmppNamespaces.SASL, "success") && phase == Phase.AWAIT_SASL) {
            if (authenticated(Authenticator.Mechanism.EXTERNAL)) {
                saslDone = true;
                restart();
            }
        } else if (element.is(XmppNamespaces.SASL, "failure") && phase == Phase.AWAIT_SASL) {
            LOG.info("{} refused SASL EXTERNAL; trying dialback", pair.remote());
            startDialback();
        } else if (element.namespace().equals(XmppNamespaces.DIALBACK)) {
            DialbackElement.parse(element).ifPresent(this::onDialback);
        } else if (element.is(XmppNamespaces.STREAMS, "error")) {
            String condition = StreamError.fromElement(element).map(e -> e.condition().elementName() + " " + e.text())
                    .orElse("");
            route.failed(this, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, "stream error from peer: " + condition);
            phase = Phase.DONE;
            channel.close();
        } else {
            LOG.debug("ignoring {} on an outbound stream", element.localName());
        }
    }

    private void onFeatures(XmlElement features) {
        if (saslDone) {
            ready();
            return;
        }
        boolean tlsAllowed = context.tls().client().isPresent() && decision.tls() != TlsRequirement.DISABLED;
        boolean tlsRequired = context.settings().tls().mode() == TlsMode.REQUIRED
                || decision.tls() == TlsRequirement.REQUIRED;
        if (!state.secured() && Features.offersStartTls(features) && tlsAllowed) {
            channel.writeAndFlush(Features.tls("starttls"));
            phase = Phase.AWAIT_PROCEED;
            return;
        }
        if (!state.secured() && (tlsRequired || Features.requiresStartTls(features))) {
            fail("TLS is required on the stream to " + pair.remote() + " but cannot be negotiated");
            return;
        }
        negotiated();
        if (state.secured() && Features.offersExternal(features) && decision.auth() != AuthRequirement.DIALBACK
                && state.certificateValidFor(pair.remote())) {
            channel.writeAndFlush(Features.saslExternal(pair.local()));
            phase = Phase.AWAIT_SASL;
        } else {
            startDialback();
        }
    }

    /** Security is settled: dialback verifications for the receiving role may go out now (XEP-0220 §2.1.3). */
    private void negotiated() {
        usable = true;
        route.streamUsable(this);
    }

    private void startDialback() {
        Optional<StreamError> refusal = context.authenticator().refusal(state, pair, Authenticator.Mechanism.DIALBACK);
        if (refusal.isPresent()) {
            fail("cannot authenticate to " + pair.remote() + ": " + refusal.get().text());
            return;
        }
        String key = context.settings().dialbackKeys().generate(pair.remote(), pair.local(), remoteStreamId);
        channel.writeAndFlush(DialbackElement.request(DialbackElement.Kind.RESULT, pair.local(), pair.remote(), "", key)
                .toElement());
        phase = Phase.AWAIT_DIALBACK;
    }

    private void onDialback(DialbackElement db) {
        if (db.kind() == DialbackElement.Kind.VERIFY && !db.isRequest()) {
            route.verifyAnswered(this, db);
            return;
        }
        boolean ours = db.kind() == DialbackElement.Kind.RESULT && !db.isRequest() && phase == Phase.AWAIT_DIALBACK
                && InboundSession.normalised(db.from()).equals(pair.remote())
                && InboundSession.normalised(db.to()).equals(pair.local());
        if (!ours) {
            LOG.warn("ignoring unsolicited db:{} type={} from {}", db.kind(), db.type().orElse(""), db.from());
        } else if (!db.isValid()) {
            context.authenticator().failed(state, pair, Authenticator.Mechanism.DIALBACK,
                    pair.remote() + " answered " + db.type().orElse(""));
            fail(pair.remote() + " refused our dialback key");
        } else if (authenticated(Authenticator.Mechanism.DIALBACK)) {
            ready();
        }
    }

    /** Hands the pair to the single {@link Authenticator}; closes the stream when policy refuses. */
    private boolean authenticated(Authenticator.Mechanism mechanism) {
        Optional<StreamError> refusal = context.authenticator().authenticate(state, pair, mechanism);
        refusal.ifPresent(error -> fail(error.text()));
        return refusal.isEmpty();
    }

    private void ready() {
        phase = Phase.READY;
        wasReady = true;
        liveness.start();
        route.ready(this);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done) {
            log(() -> onHandshake(done));
        } else if (event instanceof IdleStateEvent) {
            if (phase == Phase.READY) {
                log(liveness::quiet);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    private void startTls(SslContext tls) {
        channel.pipeline().addFirst("tls", new SslHandler(tls.newEngine(channel.alloc(), pair.remote(), target.port())));
        phase = Phase.HANDSHAKE;
    }

    private void onHandshake(SslHandshakeCompletionEvent done) {
        if (!done.isSuccess()) {
            fail("TLS handshake with " + pair.remote() + " failed: " + done.cause());
            return;
        }
        var chain = TlsContexts.peerChain(channel.pipeline().get(SslHandler.class).engine().getSession());
        state.secured(chain, context.tls().peerChainTrusted(chain, true));
        LOG.debug("TLS to {} established; server presented {}", pair.remote(), state.certificateDescription());
        restart();
    }

    private void restart() {
        channel.pipeline().get(XmppStreamDecoder.class).reset();
        sendHeader();
    }

    private void sendHeader() {
        channel.writeAndFlush(StreamHeader.server(pair.remote(), pair.local(), null));
        phase = Phase.AWAIT_HEADER;
    }

    /** Writes a stanza on the ready stream. */
    void send(Stanza stanza) {
        liveness.stanzaSent();
        channel.writeAndFlush(stanza.element());
        context.metrics().stanzaOut(pair.remote());
    }

    /** Writes a {@code db:verify} request (receiving role, piggybacked on this stream). */
    void sendVerify(DialbackElement verify) {
        channel.writeAndFlush(verify.toElement());
    }

    boolean usable() {
        return usable && phase != Phase.DONE;
    }

    Phase phase() {
        return phase;
    }

    private void fail(String reason) {
        route.failed(this, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, reason);
        close(new StreamClose(), reason);
    }

    private void closeDead(String reason) {
        LOG.warn("{}; closing the stream as dead", reason);
        phase = Phase.DONE;
        channel.close();
    }

    private void close(Object last, String reason) {
        if (phase == Phase.DONE) {
            return;
        }
        LOG.debug("closing stream to {}: {}", pair.remote(), reason);
        phase = Phase.DONE;
        closedCleanly = last instanceof StreamClose;
        liveness.stop();
        channel.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
    }

    void closeNow(Object last) {
        if (channel != null && channel.isActive()) {
            channel.eventLoop().execute(() -> close(last, "shutdown"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log(() -> {
            LOG.warn("stream to {} failed: {}", pair.remote(), cause.toString());
            route.failed(this, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, cause.toString());
            phase = Phase.DONE;
            channel.close();
        });
    }

    private void log(Runnable work) {
        LogContext.run(channel == null ? "-" : channel.remoteAddress(), pair.remote(), work);
    }
}
