package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.stream.StreamEvent.StanzaReceived;

class XmppStreamEncoderTest {

    private static final StreamHeader HEADER = StreamHeader.server("jabber.test", "contoso.test", "s1");

    @Test
    void writesServerStreamHeaderWithDialbackNamespace() {
        assertThat(encode(HEADER.withLang("en"))).isEqualTo("<?xml version='1.0'?><stream:stream"
                + " xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:db='jabber:server:dialback' to='jabber.test' from='contoso.test' id='s1'"
                + " version='1.0' xml:lang='en'>");
    }

    @Test
    void writesElementsWithThePrefixesDeclaredOnTheHeader() {
        XmlElement features = XmlElement.builder(XmppNamespaces.STREAMS, "features")
                .child(XmlElement.builder(XmppNamespaces.TLS, "starttls").build()).build();
        XmlElement result = XmlElement.builder(XmppNamespaces.DIALBACK, "result")
                .attribute("from", "contoso.test").attribute("to", "jabber.test").text("k3y").build();
        XmlElement message = XmlElement.builder(XmppNamespaces.SERVER, "message").attribute("to", "a@jabber.test")
                .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text("hi").build()).build();

        assertThat(encodeAfterHeader(features))
                .isEqualTo("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>");
        assertThat(encodeAfterHeader(result)).isEqualTo("<db:result from='contoso.test' to='jabber.test'>k3y</db:result>");
        assertThat(encodeAfterHeader(message)).isEqualTo("<message to='a@jabber.test'><body>hi</body></message>");
    }

    @Test
    void writesStreamErrorFollowedByStreamClose() {
        assertThat(encodeAfterHeader(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "too <big> & fat")))
                .isEqualTo("<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>too &lt;big&gt; &amp; fat</text>"
                        + "</stream:error></stream:stream>");
        assertThat(encodeAfterHeader(StreamError.of(StreamErrorCondition.RESTRICTED_XML)))
                .isEqualTo("<stream:error><restricted-xml xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "</stream:error></stream:stream>");
    }

    @Test
    void writesStreamClose() {
        assertThat(encodeAfterHeader(new StreamClose())).isEqualTo("</stream:stream>");
    }

    @Test
    void escapesTextAndAttributeValues() {
        XmlElement element = XmlElement.builder(XmppNamespaces.SERVER, "message")
                .attribute("id", "a'b\"c<d>&e\tf\ng\rh").text("x<y>&z]]>\r\n'\"").build();
        assertThat(encodeAfterHeader(element)).isEqualTo(
                "<message id='a&apos;b&quot;c&lt;d&gt;&amp;e&#9;f&#10;g&#13;h'>x&lt;y&gt;&amp;z]]&gt;&#13;\n'\"</message>");
    }

    @Test
    void declaresNamespacesThatAreNotInScope() {
        XmlElement element = XmlElement.builder("", "item")
                .attribute(new AttributeName("urn:example:x", "mode"), "fast")
                .attribute(AttributeName.XML_LANG, "fr").build();
        assertThat(encodeAfterHeader(element)).isEqualTo("<item xmlns='' xmlns:ns0='urn:example:x' ns0:mode='fast' xml:lang='fr'/>");
    }

    @Test
    void refusesContentBeforeAnyHeader() {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppStreamEncoder());
        assertThatThrownBy(() -> channel.writeOutbound(XmlElement.builder(XmppNamespaces.SERVER, "presence").build()))
                .isInstanceOf(EncoderException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a & b", "<tag attr='x'>", "]]>", "quote ' and \"", "tab\tlf\ncr\rcrlf\r\n",
            "  leading and trailing  ", "caf\u00e9 \u20ac \ud83d\ude00 \u00a0 \ufffd \u2028", "&amp; &#38; &lt;", ">", "\n"})
    void serialisedElementReparsesToAnEqualElement(String awkward) {
        XmlElement original = XmlElement.builder(XmppNamespaces.SERVER, "message")
                .attribute("id", awkward).attribute(AttributeName.XML_LANG, "en")
                .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text(awkward).build())
                .child(XmlElement.builder("urn:example:x", "x")
                        .attribute(new AttributeName("urn:example:y", "y"), awkward)
                        .child(XmlElement.builder("", "unqualified").text(awkward).build())
                        .text(awkward).build())
                .child(XmlElement.builder(XmppNamespaces.DIALBACK, "result").text(awkward).build())
                .build();

        List<StreamEvent> events = StreamFixtures.decode(encodeStream(HEADER, original));

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new StanzaReceived(original));
    }

    @Test
    void standaloneFormDeclaresItsNamespace() {
        XmlElement element = XmlElement.builder(XmppNamespaces.TLS, "proceed").build();
        assertThat(element.toXml()).isEqualTo("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        assertThat(element).hasToString(element.toXml());
    }

    private static String encode(Object... messages) {
        return new String(encodeStream(messages), StandardCharsets.UTF_8);
    }

    private static String encodeAfterHeader(Object message) {
        return encode(HEADER, message).substring(encode(HEADER).length());
    }

    private static byte[] encodeStream(Object... messages) {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppStreamEncoder());
        for (Object message : messages) {
            channel.writeOutbound(message);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            byte[] chunk = new byte[buf.readableBytes()];
            buf.readBytes(chunk);
            buf.release();
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
