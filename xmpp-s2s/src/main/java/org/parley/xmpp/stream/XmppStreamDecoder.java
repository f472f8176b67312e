package org.parley.xmpp.stream;

import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import javax.xml.stream.XMLInputFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty inbound stage that turns the bytes of an XMPP stream into {@link StreamEvent}s (RFC 6120 §4):
 * {@code StreamOpened} for the header, {@code StanzaReceived} for every complete depth-1 element,
 * {@code StreamClosed} for {@code </stream:stream>}, and {@code StreamFailed} with the stream error to send
 * when the input is not well-formed, not restricted XML (§11.1) or over a limit (§13.12). Failures never
 * throw out of the pipeline; after one, the rest of the input is discarded until {@link #reset()}.
 *
 * <p>Parsing is incremental (Aalto's non-blocking parser) and bounded: at most {@link StreamLimits} bytes of
 * any stanza are held, and entities are never expanded. One instance per channel; not sharable.
 */
public final class XmppStreamDecoder extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(XmppStreamDecoder.class);

    private final StreamLimits limits;
    private final AsyncXMLInputFactory factory;
    private StreamParser parser;

    /** A decoder with {@link StreamLimits#defaults()}. */
    public XmppStreamDecoder() {
        this(StreamLimits.defaults());
    }

    /** A decoder enforcing {@code limits}. */
    public XmppStreamDecoder(StreamLimits limits) {
        this.limits = limits;
        this.factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        this.parser = new StreamParser(factory, limits);
    }

    /**
     * Starts a new stream on the same channel, as required after STARTTLS (RFC 6120 §5.4.3.3) and SASL
     * success (§6.4.6): the next bytes must begin with a new stream header. Input already received after the
     * element that led to the reset, including the rest of the buffer being decoded when this is called
     * from a downstream handler, is discarded, so plaintext injected behind {@code <starttls/>} cannot leak
     * into the secured stream. Call on the channel's event loop.
     */
    public void reset() {
        parser.abandon();
        parser = new StreamParser(factory, limits);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            parser.parse(bytes, event -> deliver(ctx, event));
        } finally {
            bytes.release();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        parser.abandon();
    }

    private static void deliver(ChannelHandlerContext ctx, StreamEvent event) {
        if (event instanceof StreamEvent.StreamFailed failed) {
            LOG.debug("Refusing input from {}: <{}/> {}", ctx.channel().remoteAddress(),
                    failed.error().condition().elementName(), failed.error().text());
        }
        ctx.fireChannelRead(event);
    }
}
