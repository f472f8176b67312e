package org.parley.xmpp.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Netty outbound stage that writes an XMPP stream as UTF-8 (RFC 6120 §4, §11.6). Accepts:
 * <ul>
 *   <li>{@link StreamHeader}: the XML declaration and {@code <stream:stream …>} open tag (§4.2, §4.7);</li>
 *   <li>{@link XmlElement}: a stanza or other depth-1 element, using the prefixes declared on the last
 *       header written (so {@code <db:result>} and {@code <stream:features>} keep their usual form);</li>
 *   <li>{@link StreamError}: {@code <stream:error>} followed by {@code </stream:stream>} (§4.9.1.1);</li>
 *   <li>{@link StreamClose}: {@code </stream:stream>} (§4.4).</li>
 * </ul>
 * Elements and errors written before any header are a programming error (§4.9.1.2: a header always comes
 * first). One instance per channel; not sharable.
 */
public final class XmppStreamEncoder extends MessageToByteEncoder<Object> {

    private XmlWriter.Scope scope;

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof XmlElement || msg instanceof StreamHeader || msg instanceof StreamError
                || msg instanceof StreamClose;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        StringBuilder xml = new StringBuilder(256);
        XmlWriter writer = new XmlWriter(xml);
        if (msg instanceof StreamHeader header) {
            scope = writer.streamOpen(header);
        } else if (msg instanceof XmlElement element) {
            writer.element(element, requireScope());
        } else if (msg instanceof StreamError error) {
            writer.element(error.toElement(), requireScope());
            writer.streamClose();
        } else {
            writer.streamClose();
        }
        ByteBufUtil.writeUtf8(out, xml);
    }

    private XmlWriter.Scope requireScope() {
        if (scope == null) {
            throw new IllegalStateException("a stream header must be written before stream content");
        }
        return scope;
    }
}
