package org.parley.xmpp.stream;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Inputs and helpers shared by the stream tests: byte building and decoding through an EmbeddedChannel. */
final class StreamFixtures {

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
            + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
            + " from='jabber.test' to='contoso.test' id='a1b2c3' version='1.0' xml:lang='en'>";

    private StreamFixtures() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Concatenates parts: {@code String}s as UTF-8, {@code byte[]} as is. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : utf8((String) part));
        }
        return out.toByteArray();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static EmbeddedChannel decoderChannel() {
        return new EmbeddedChannel(new XmppStreamDecoder());
    }

    /** Feeds each chunk as its own buffer and returns every event read so far. */
    static List<StreamEvent> feed(EmbeddedChannel channel, byte[]... chunks) {
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        channel.checkException();
        return readEvents(channel);
    }

    static List<StreamEvent> readEvents(EmbeddedChannel channel) {
        List<StreamEvent> events = new ArrayList<>();
        for (Object event = channel.readInbound(); event != null; event = channel.readInbound()) {
            events.add((StreamEvent) event);
        }
        return events;
    }

    static List<StreamEvent> decode(byte[] input) {
        return feed(decoderChannel(), input);
    }

    static List<StreamEvent> decodeByteByByte(byte[] input) {
        EmbeddedChannel channel = decoderChannel();
        List<StreamEvent> events = new ArrayList<>();
        for (byte b : input) {
            events.addAll(feed(channel, new byte[] {b}));
        }
        return events;
    }

    static List<StreamEvent> decodeSplitAt(byte[] input, int split) {
        byte[] first = new byte[split];
        byte[] second = new byte[input.length - split];
        System.arraycopy(input, 0, first, 0, split);
        System.arraycopy(input, split, second, 0, second.length);
        return feed(decoderChannel(), first, second);
    }
}
