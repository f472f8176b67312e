package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.xmpp.stream.StreamFixtures.HEADER;
import static org.parley.xmpp.stream.StreamFixtures.bytes;
import static org.parley.xmpp.stream.StreamFixtures.decode;
import static org.parley.xmpp.stream.StreamFixtures.decodeByteByByte;
import static org.parley.xmpp.stream.StreamFixtures.decodeSplitAt;
import static org.parley.xmpp.stream.StreamFixtures.feed;
import static org.parley.xmpp.stream.StreamFixtures.utf8;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.stream.StreamEvent.StanzaReceived;
import org.parley.xmpp.stream.StreamEvent.StreamClosed;
import org.parley.xmpp.stream.StreamEvent.StreamFailed;
import org.parley.xmpp.stream.StreamEvent.StreamOpened;

class XmppStreamDecoderTest {

    private static final String BODY = "Wherefore art thou? caf\u00e9 \u20ac5 \ud83d\ude00 & <3";

    /** What a Prosody peer sends on an incoming s2s stream: header, features, dialback, stanzas, close. */
    private static final byte[] PROSODY_STREAM = utf8(HEADER
            + "<stream:features><dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback>"
            + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>\n "
            + "<db:result from='jabber.test' to='contoso.test'>b4835385f37fe2895af6c196b59097b16862406db80559"
            + "</db:result>"
            + "<message from='juliet@jabber.test/balcony' to='romeo@contoso.test' type='chat' id='m1'"
            + " xml:lang='en'><body>Wherefore art thou? caf\u00e9 \u20ac5 \ud83d\ude00 &amp; &lt;3</body></message>"
            + "\n<message from='juliet@jabber.test' to='romeo@contoso.test' type='chat' id='m2'><body>"
            + "<![CDATA[<!-- not a comment --> &foo;]]></body></message>"
            + " </stream:stream>");

    private static List<StreamEvent> expectedProsodyEvents() {
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("stream", XmppNamespaces.STREAMS);
        namespaces.put("db", XmppNamespaces.DIALBACK);
        StreamHeader header = new StreamHeader("contoso.test", "jabber.test", "a1b2c3", "1.0", "en",
                XmppNamespaces.SERVER, namespaces);
        XmlElement features = XmlElement.builder(XmppNamespaces.STREAMS, "features")
                .child(XmlElement.builder("urn:xmpp:features:dialback", "dialback")
                        .child(XmlElement.builder("urn:xmpp:features:dialback", "errors").build()).build())
                .child(XmlElement.builder(XmppNamespaces.TLS, "starttls").build())
                .build();
        XmlElement result = XmlElement.builder(XmppNamespaces.DIALBACK, "result")
                .attribute("from", "jabber.test").attribute("to", "contoso.test")
                .text("b4835385f37fe2895af6c196b59097b16862406db80559").build();
        XmlElement first = XmlElement.builder(XmppNamespaces.SERVER, "message")
                .attribute("from", "juliet@jabber.test/balcony").attribute("to", "romeo@contoso.test")
                .attribute("type", "chat").attribute("id", "m1").attribute(AttributeName.XML_LANG, "en")
                .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text(BODY).build()).build();
        XmlElement second = XmlElement.builder(XmppNamespaces.SERVER, "message")
                .attribute("from", "juliet@jabber.test").attribute("to", "romeo@contoso.test")
                .attribute("type", "chat").attribute("id", "m2")
                .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text("<!-- not a comment --> &foo;").build())
                .build();
        return List.of(new StreamOpened(header), new StanzaReceived(features), new StanzaReceived(result),
                new StanzaReceived(first), new StanzaReceived(second), new StreamClosed());
    }

    @Test
    void decodesProsodyStreamIntoHeaderStanzasAndClose() {
        assertThat(decode(PROSODY_STREAM)).containsExactlyElementsOf(expectedProsodyEvents());
    }

    @Test
    void givesSameEventsWhenInputIsSplitAtEveryByteBoundary() {
        List<StreamEvent> expected = expectedProsodyEvents();
        for (int split = 1; split < PROSODY_STREAM.length; split++) {
            assertThat(decodeSplitAt(PROSODY_STREAM, split)).as("split at byte %d", split)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void givesSameEventsWhenInputArrivesByteByByte() {
        assertThat(decodeByteByByte(PROSODY_STREAM)).containsExactlyElementsOf(expectedProsodyEvents());
    }

    @Test
    void keepsMultibyteCharactersSplitInsideTheirEncoding() {
        String body = "\u00e9\u20ac\ud83d\ude00";
        byte[] stanza = utf8("<message><body>" + body + "</body></message>");
        int bodyStart = "<message><body>".length();
        for (int split = bodyStart + 1; split < bodyStart + utf8(body).length; split++) {
            byte[] input = bytes(HEADER, stanza);
            List<StreamEvent> events = decodeSplitAt(input, utf8(HEADER).length + split);
            assertThat(events).hasSize(2);
            XmlElement message = ((StanzaReceived) events.get(1)).element();
            assertThat(message.child(XmppNamespaces.SERVER, "body").orElseThrow().text()).isEqualTo(body);
        }
    }

    @Test
    void acceptsHeaderWithoutXmlDeclarationAndIgnoresWhitespaceKeepalives() {
        String header = "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>";
        List<StreamEvent> events = decode(utf8(header + " \n\t \r\n <presence/>   \n"));
        assertThat(events).hasSize(2);
        StreamHeader opened = ((StreamOpened) events.get(0)).header();
        assertThat(opened.to()).isNull();
        assertThat(opened.version()).isNull();
        assertThat(opened.contentNamespace()).isEqualTo(XmppNamespaces.SERVER);
        assertThat(events.get(1)).isEqualTo(new StanzaReceived(XmlElement.builder(XmppNamespaces.SERVER, "presence").build()));
    }

    @Test
    void resetStartsAFreshStreamOnTheSameChannel() {
        EmbeddedChannel channel = StreamFixtures.decoderChannel();
        feed(channel, utf8(HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"));
        channel.pipeline().get(XmppStreamDecoder.class).reset();

        List<StreamEvent> events = feed(channel, utf8(HEADER.replace("a1b2c3", "second") + "<presence/>"));

        assertThat(events).hasSize(2);
        assertThat(((StreamOpened) events.get(0)).header().id()).isEqualTo("second");
    }

    @Test
    void resetFromAHandlerDiscardsBytesThatFollowedTheTriggeringElement() {
        List<StreamEvent> seen = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(new XmppStreamDecoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                seen.add((StreamEvent) msg);
                if (msg instanceof StanzaReceived stanza && stanza.element().localName().equals("starttls")) {
                    ctx.pipeline().get(XmppStreamDecoder.class).reset();
                }
            }
        });
        channel.writeInbound(Unpooled.wrappedBuffer(utf8(HEADER
                + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><message><body>injected</body></message>")));
        channel.writeInbound(Unpooled.wrappedBuffer(utf8(HEADER + "<presence/>")));

        assertThat(seen).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("StreamOpened", "StanzaReceived", "StreamOpened", "StanzaReceived");
        assertThat(((StanzaReceived) seen.get(3)).element().localName()).isEqualTo("presence");
    }

    @Test
    void resolvesNamespacesDeclaredInsideStanzasAndPrefixedAttributes() {
        List<StreamEvent> events = decode(utf8(HEADER + "<iq type='get' id='1' xmlns:x='urn:example:x'>"
                + "<x:query x:mode='fast' xml:lang='fr'><item xmlns=''/></x:query></iq>"));
        XmlElement iq = ((StanzaReceived) events.get(1)).element();
        XmlElement query = iq.child("urn:example:x", "query").orElseThrow();
        assertThat(query.attribute(new AttributeName("urn:example:x", "mode"))).contains("fast");
        assertThat(query.lang()).contains("fr");
        assertThat(query.child("", "item")).isPresent();
    }

    @Test
    void acceptsAStanzaOfExactlyTheLimitAndRefusesOneByteMore() {
        StreamLimits limits = StreamLimits.defaults().withMaxStanzaBytes(10_000);
        String open = "<message><body>";
        String close = "</body></message>";
        String exact = open + "x".repeat(10_000 - open.length() - close.length()) + close;

        EmbeddedChannel fits = new EmbeddedChannel(new XmppStreamDecoder(limits));
        assertThat(feed(fits, utf8(HEADER + exact))).last().isInstanceOf(StanzaReceived.class);

        EmbeddedChannel over = new EmbeddedChannel(new XmppStreamDecoder(limits));
        assertThat(feed(over, utf8(HEADER + exact.replace("<body>", "<body>y")))).last()
                .isEqualTo(new StreamFailed(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                        "stanza exceeds 10000 bytes")));
    }

    @Test
    void leadingWhitespaceKeepalivesDoNotCountTowardsTheNextStanza() {
        StreamLimits limits = StreamLimits.defaults().withMaxStanzaBytes(10_000);
        EmbeddedChannel channel = new EmbeddedChannel(new XmppStreamDecoder(limits));
        String stanza = "<message><body>" + "x".repeat(9_000) + "</body></message>";
        List<StreamEvent> events = feed(channel, utf8(HEADER), utf8(" ".repeat(9_000)), utf8(stanza));
        assertThat(events).hasSize(2).last().isInstanceOf(StanzaReceived.class);
    }
}
