package org.parley.xmpp.s2s;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamErrorCondition;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.parley.xmpp.stream.XmppStreamEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The s2s listener (RFC 6120 §3, port 5269 by default): one {@link InboundSession} per accepted connection, behind
 * the stream decoder and encoder, with TCP_NODELAY and an idle timeout. The same port accepts direct-TLS streams
 * (XEP-0368) when TLS is enabled; on those the peer's domain is known only after the handshake, so the allow
 * list is applied to its stream header, after TLS (ROBUSTNESS 7 holds for STARTTLS streams).
 */
public final class S2sServer {

    private static final Logger LOG = LoggerFactory.getLogger(S2sServer.class);

    private final S2sContext context;
    private final ConnectionLimiter limiter;
    private final S2sClient client;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel listener;

    S2sServer(S2sContext context, S2sClient client, EventLoopGroup boss, EventLoopGroup workers) {
        this.context = context;
        this.limiter = new ConnectionLimiter(context.settings().limits().maxUnauthenticatedPerAddress());
        this.client = client;
        this.boss = boss;
        this.workers = workers;
    }

    /**
     * Binds the listener and returns the bound address.
     *
     * @throws java.net.BindException (possibly wrapped by Netty in the thrown exception's cause chain) when the
     *                                address is in use or not available
     */
    public InetSocketAddress start() {
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast(pipeline().toArray(ChannelHandler[]::new));
                    }
                });
        listener = bootstrap.bind(context.settings().listen()).syncUninterruptibly().channel();
        InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
        LOG.info("s2s listening on {} for {}", bound, context.settings().domains());
        return bound;
    }

    /**
     * The handlers of one inbound stream, in order. With TLS enabled the first one tells a direct-TLS
     * connection (XEP-0368: the ClientHello is the first byte) from a plain one, which may use STARTTLS.
     */
    List<ChannelHandler> pipeline() {
        List<ChannelHandler> handlers = new ArrayList<>();
        context.tls().directServer().ifPresent(tls -> handlers.add(new OptionalSslHandler(tls)));
        handlers.addAll(List.of(
                new XmppStreamDecoder(context.settings().limits().stream()),
                new XmppStreamEncoder(),
                new IdleStateHandler(0, 0, context.settings().timeouts().idle().toMillis(), TimeUnit.MILLISECONDS),
                new InboundSession(context, limiter, client, client.localDelivery(), client, client.routeStates())));
        return handlers;
    }

    /** Stops accepting, and closes every inbound stream with {@code <system-shutdown/>}. */
    public void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        channels.writeAndFlush(StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN));
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
