package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.xmpp.stream.StreamErrorCondition.BAD_FORMAT;
import static org.parley.xmpp.stream.StreamErrorCondition.INVALID_NAMESPACE;
import static org.parley.xmpp.stream.StreamErrorCondition.NOT_WELL_FORMED;
import static org.parley.xmpp.stream.StreamErrorCondition.POLICY_VIOLATION;
import static org.parley.xmpp.stream.StreamErrorCondition.RESTRICTED_XML;
import static org.parley.xmpp.stream.StreamErrorCondition.UNSUPPORTED_ENCODING;
import static org.parley.xmpp.stream.StreamFixtures.HEADER;
import static org.parley.xmpp.stream.StreamFixtures.bytes;
import static org.parley.xmpp.stream.StreamFixtures.decode;
import static org.parley.xmpp.stream.StreamFixtures.decodeByteByByte;
import static org.parley.xmpp.stream.StreamFixtures.feed;
import static org.parley.xmpp.stream.StreamFixtures.hex;
import static org.parley.xmpp.stream.StreamFixtures.utf8;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parley.xmpp.stream.StreamEvent.StreamFailed;

/** ROBUSTNESS.md items 1–5: hostile input becomes the right stream error, early and with bounded memory. */
class XmppStreamDecoderRobustnessTest {

    private static final String BILLION_LAUGHS = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
            + "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>"
            + "<message><body>&lol3;</body></message>";

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                row("billion laughs DOCTYPE", RESTRICTED_XML, utf8(BILLION_LAUGHS)),
                row("DOCTYPE without internal subset", RESTRICTED_XML, utf8("<!DOCTYPE stream>" + HEADER)),
                row("comment inside a stanza", RESTRICTED_XML, bytes(HEADER, "<message><!-- hi --></message>")),
                row("comment between stanzas", RESTRICTED_XML, bytes(HEADER, "<presence/><!-- hi -->")),
                row("comment after stream close", RESTRICTED_XML, bytes(HEADER, "</stream:stream><!-- x -->")),
                row("processing instruction", RESTRICTED_XML, bytes(HEADER, "<message><?php x?></message>")),
                row("XML declaration inside the stream", RESTRICTED_XML, bytes(HEADER, "<?xml version='1.0'?>")),
                row("XML declaration after whitespace", RESTRICTED_XML, utf8(" " + HEADER)),
                row("undeclared entity in text", RESTRICTED_XML, bytes(HEADER, "<message><body>&foo;</body></message>")),
                row("undeclared entity in attribute", RESTRICTED_XML, bytes(HEADER, "<message id='&foo;'/>")),
                row("predefined-looking entity", RESTRICTED_XML, bytes(HEADER, "<message id='&quott;'/>")),
                row("invalid UTF-8 sequence", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("c328"), "</body>")),
                row("overlong UTF-8 NUL", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("c080"), "</body>")),
                row("byte 0xFF", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("ff"), "</body>")),
                row("stray continuation byte", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("80"), "</body>")),
                row("code point above U+10FFFF", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("f4908080"), "</body>")),
                row("lone surrogate, CESU-8 style", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("eda080"), "</body>")),
                row("raw U+0000", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("00"), "</body>")),
                row("raw U+0001 in an attribute", NOT_WELL_FORMED, bytes(HEADER, "<body id='", hex("01"), "'/>")),
                row("U+FFFE", NOT_WELL_FORMED, bytes(HEADER, "<body>", hex("efbfbe"), "</body>")),
                row("character reference to U+0000", NOT_WELL_FORMED, bytes(HEADER, "<body>&#0;</body>")),
                row("character reference to a surrogate", NOT_WELL_FORMED, bytes(HEADER, "<body>&#xD800;</body>")),
                row("unbound element prefix", NOT_WELL_FORMED, bytes(HEADER, "<foo:message/>")),
                row("unbound attribute prefix", NOT_WELL_FORMED, bytes(HEADER, "<message foo:id='1'/>")),
                row("prefix bound to empty namespace", NOT_WELL_FORMED, bytes(HEADER, "<message xmlns:x=''/>")),
                row("mismatched end tag", NOT_WELL_FORMED, bytes(HEADER, "<message></presence>")),
                row("duplicate attribute", NOT_WELL_FORMED, bytes(HEADER, "<message id='1' id='2'/>")),
                row("text after stream close", NOT_WELL_FORMED, bytes(HEADER, "</stream:stream>junk")),
                row("element after stream close", NOT_WELL_FORMED, bytes(HEADER, "</stream:stream><presence/>")),
                row("text between stanzas", BAD_FORMAT, bytes(HEADER, "<presence/>hello<presence/>")),
                row("XML 1.1", BAD_FORMAT, utf8(HEADER.replace("version='1.0'?>", "version='1.1'?>"))),
                row("wrong stream namespace", INVALID_NAMESPACE, utf8(HEADER.replace("etherx.jabber.org", "example.com"))),
                row("ISO-8859-1 declared", UNSUPPORTED_ENCODING, utf8(HEADER.replace("?>", " encoding='ISO-8859-1'?>"))),
                row("UTF-16 declared", UNSUPPORTED_ENCODING, utf8(HEADER.replace("?>", " encoding='UTF-16'?>"))));
    }

    private static Arguments row(String name, StreamErrorCondition condition, byte[] input) {
        return Arguments.of(name, condition, input);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("hostileInputs")
    void refusesHostileInputWithTheRightStreamError(String name, StreamErrorCondition condition, byte[] input) {
        assertEndsInFailure(decode(input), condition);
        assertEndsInFailure(decodeByteByByte(input), condition);
    }

    @Test
    void refusesOversizedStanzaBeforeItIsFullyReceived() {
        EmbeddedChannel channel = StreamFixtures.decoderChannel();
        feed(channel, utf8(HEADER + "<message><body>"));
        byte[] chunk = utf8("x".repeat(4096));
        int fedChunks = 0;
        List<StreamEvent> events = List.of();
        while (events.isEmpty() && fedChunks < 256) {
            events = feed(channel, chunk);
            fedChunks++;
        }
        assertEndsInFailure(events, POLICY_VIOLATION);
        long fedBytes = (long) fedChunks * chunk.length;
        assertThat(fedBytes).isGreaterThan(StreamLimits.defaults().maxStanzaBytes() - 4096)
                .isLessThanOrEqualTo(StreamLimits.defaults().maxStanzaBytes() + 4096);
    }

    @Test
    void refusesEndlessWhitespaceOrPartialMarkupBetweenStanzas() {
        EmbeddedChannel channel = new EmbeddedChannel(new XmppStreamDecoder(StreamLimits.defaults().withMaxStanzaBytes(10_000)));
        feed(channel, utf8(HEADER));
        List<StreamEvent> events = feed(channel, utf8("<message " + "a".repeat(20_000)));
        assertEndsInFailure(events, POLICY_VIOLATION);
    }

    @Test
    void refusesOversizedHeaderBeforeTheOpenTagEnds() {
        List<StreamEvent> events = decode(utf8(HEADER.replace("id='a1b2c3'", "id='" + "z".repeat(10_000) + "'")));
        assertEndsInFailure(events, POLICY_VIOLATION);
    }

    @Test
    void refusesDeepNestingWithoutExhaustingTheStack() {
        List<StreamEvent> events = decode(utf8(HEADER + "<a>".repeat(10_000) + "</a>".repeat(10_000)));
        assertEndsInFailure(events, POLICY_VIOLATION);
    }

    @Test
    void refusesThousandsOfAttributes() {
        StringBuilder stanza = new StringBuilder("<message");
        for (int i = 0; i < 5_000; i++) {
            stanza.append(" a").append(i).append("='v'");
        }
        assertEndsInFailure(decode(utf8(HEADER + stanza + "/>")), POLICY_VIOLATION);
    }

    @Test
    void refusesHugeElementAndAttributeNamesAndValues() {
        String name = "n".repeat(50_000);
        assertEndsInFailure(decode(utf8(HEADER + "<" + name + "/>")), POLICY_VIOLATION);
        assertEndsInFailure(decode(utf8(HEADER + "<message " + name + "='1'/>")), POLICY_VIOLATION);
        assertEndsInFailure(decode(utf8(HEADER + "<message id='" + name + "'/>")), POLICY_VIOLATION);
        assertEndsInFailure(decode(utf8(HEADER + "<message xmlns:p='" + name + "'/>")), POLICY_VIOLATION);
    }

    @Test
    void refusesDoctypeAsSoonAsItStartsWithoutBufferingTheInternalSubset() {
        EmbeddedChannel channel = StreamFixtures.decoderChannel();
        List<StreamEvent> events = feed(channel, utf8("<?xml version='1.0'?><!DOC"));
        assertEndsInFailure(events, RESTRICTED_XML);
    }

    @Test
    void discardsAndReleasesInputAfterAFailure() {
        EmbeddedChannel channel = StreamFixtures.decoderChannel();
        assertEndsInFailure(feed(channel, utf8(HEADER + "<!-- x -->")), RESTRICTED_XML);
        ByteBuf later = Unpooled.wrappedBuffer(utf8("<presence/></stream:stream>"));
        channel.writeInbound(later);
        assertThat(StreamFixtures.readEvents(channel)).isEmpty();
        assertThat(later.refCnt()).isZero();
    }

    private static void assertEndsInFailure(List<StreamEvent> events, StreamErrorCondition condition) {
        assertThat(events).isNotEmpty();
        assertThat(events.subList(0, events.size() - 1)).noneMatch(StreamFailed.class::isInstance);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamFailed.class,
                failed -> assertThat(failed.error().condition()).as(Arrays.toString(events.toArray()))
                        .isEqualTo(condition));
    }
}
