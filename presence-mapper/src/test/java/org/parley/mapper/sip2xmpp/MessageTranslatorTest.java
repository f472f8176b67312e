package org.parley.mapper.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.mapper.sip2xmpp.SipMessages.JULIET;
import static org.parley.mapper.sip2xmpp.SipMessages.ROMEO;
import static org.parley.mapper.sip2xmpp.SipMessages.message;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ChatState;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageThread;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.SipMessage;
import org.parley.mapper.im.XmppMessage;

/** RFC 7572 §5, §7, §8 (SIP → XMPP) and RFC 7573 §6 Table 3. */
class MessageTranslatorTest {

    static final AddressMapper ADDRESSES = new AddressMapper(Set.of("contoso.test"), Set.of("contoso.test"));

    private final MessageTranslator translator = new MessageTranslator(ADDRESSES, new InboundSettings(
            MessageType.NORMAL, false, 400));

    /** Table 2, one assertion per mapped field (RFC 7572 Examples 6 and 7). */
    @Test
    void mapsEveryTable2Field() {
        SipMessage sip = new SipMessage(JULIET, JULIET, ROMEO, "5A37A65D-304B-470A-B718-3F3E6770ACAF",
                OptionalLong.of(1), Optional.of(ContentType.parse("text/plain").orElseThrow()), List.of("cs"),
                Optional.of("Romeo a Julie"), "Nic z obého, má děvo spanilá".getBytes(StandardCharsets.UTF_8));

        XmppMessage xmpp = translator.translate(sip).orElseThrow();

        assertThat(xmpp.from().toString()).isEqualTo("romeo@contoso.test/dr4hcr0st3lup4c");
        assertThat(xmpp.to().toString()).isEqualTo("juliet@jabber.example");
        assertThat(xmpp.type()).isEqualTo(MessageType.NORMAL);
        assertThat(xmpp.language()).contains("cs");
        assertThat(xmpp.bodies()).containsExactly(LocalizedText.of("Nic z obého, má děvo spanilá"));
        assertThat(xmpp.subjects()).containsExactly(LocalizedText.of("Romeo a Julie"));
        assertThat(xmpp.thread()).contains(MessageThread.of("5A37A65D-304B-470A-B718-3F3E6770ACAF"));
        assertThat(xmpp.id()).hasValueSatisfying(id -> assertThat(id).matches("s2x-[0-9a-f]{20}"));
        assertThat(xmpp.receiptRequested()).isFalse();
        assertThat(xmpp.xhtmlBody()).isEmpty();
    }

    @Test
    void givesARetransmissionTheSameIdAndTheNextRequestAnother() {
        SipMessage first = message("text/plain", "a");
        assertThat(MessageTranslator.stanzaId(first)).isEqualTo(MessageTranslator.stanzaId(message("text/plain", "b")));
        assertThat(MessageTranslator.stanzaId(first)).isNotEqualTo(MessageTranslator.stanzaId(first.withCseq(2)));
    }

    @Test
    void leavesXmlLangUnsetForSeveralContentLanguages() {
        XmppMessage xmpp = translator.translate(message("text/plain", "bonjour hello")
                .withContentLanguages(List.of("fr", "en"))).orElseThrow();
        assertThat(xmpp.language()).isEmpty();
    }

    @Test
    void usesTheConfiguredTypeAndRequestsReceiptsWhenAsked() {
        MessageTranslator chatty = new MessageTranslator(ADDRESSES, new InboundSettings(MessageType.CHAT, true, 100));
        XmppMessage xmpp = chatty.translate(message("text/plain", "hi")).orElseThrow();
        assertThat(xmpp.type()).isEqualTo(MessageType.CHAT);
        assertThat(xmpp.receiptRequested()).isTrue();
    }

    /** Charsets (RFC 7572 §8): the parameter is honoured; without it, UTF-8. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            text/plain,                          UTF-8,        Grüße 😀
            text/plain;charset=UTF-8,            UTF-8,        Grüße 😀
            text/plain;charset=utf-8,            UTF-8,        Grüße 😀
            text/plain;charset=ISO-8859-1,       ISO-8859-1,   Grüße
            text/plain;charset="latin1",         ISO-8859-1,   Grüße
            text/plain;charset=windows-1252,     windows-1252, Grüße €
            text/plain;charset=UTF-16,           UTF-16,       Grüße 😀
            text/plain;charset=us-ascii,         US-ASCII,     plain
            text/plain;charset=KOI8-R,           KOI8-R,       Привет
            """)
    void decodesTheDeclaredCharset(String contentType, String charset, String text) {
        XmppMessage xmpp = translator.translate(message(contentType, text, Charset.forName(charset))).orElseThrow();
        assertThat(xmpp.bodies()).containsExactly(LocalizedText.of(text));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            text/plain;charset=x-klingon,      41,       NOT_ACCEPTABLE, 415
            text/plain;charset=UTF-8,          c328,     BAD_REQUEST,    400
            text/plain;charset=UTF-8,          eda080,   BAD_REQUEST,    400
            text/plain;charset=us-ascii,       c3bc,     BAD_REQUEST,    400
            text/plain;charset=UTF-8,          610062,   BAD_REQUEST,    400
            text/plain;charset=UTF-8,          611b5b6d, BAD_REQUEST,    400
            """)
    void refusesUndecodableBodies(String contentType, String hexBody, StanzaErrorCondition condition, int status) {
        assertRejected(translator.translate(message(contentType, HexFormat.of().parseHex(hexBody))), condition, status);
    }

    @Test
    void dropsAByteOrderMarkAndNormalisesLineEnds() {
        XmppMessage xmpp = translator.translate(message("text/plain", "\uFEFFone\r\ntwo\rthree\nfour")).orElseThrow();
        assertThat(xmpp.bodies()).containsExactly(LocalizedText.of("one\ntwo\nthree\nfour"));
    }

    @Test
    void turnsHtmlIntoXhtmlImAndAPlainBody() {
        XmppMessage xmpp = translator.translate(message("text/html;charset=UTF-8",
                "<html><body><p>Hi <b>Juliet</b></p></body></html>")).orElseThrow();
        assertThat(xmpp.xhtmlBody()).contains(
                "<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <strong>Juliet</strong></p></body>");
        assertThat(xmpp.bodies()).containsExactly(LocalizedText.of("Hi Juliet"));
    }

    /** Table 3: isComposing → standalone chat state of type chat, in the Call-ID's thread, no body. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            active, COMPOSING
            idle,   ACTIVE
            """)
    void turnsIsComposingIntoChatStates(String state, ChatState chatState) {
        String document = "<?xml version='1.0' encoding='UTF-8'?><isComposing "
                + "xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>" + state + "</state>"
                + "<refresh>60</refresh></isComposing>";
        XmppMessage xmpp = translator.translate(message("application/im-iscomposing+xml", document)).orElseThrow();
        assertThat(xmpp.chatState()).contains(chatState);
        assertThat(xmpp.type()).isEqualTo(MessageType.CHAT);
        assertThat(xmpp.thread()).contains(MessageThread.of("c-1"));
        assertThat(xmpp.bodies()).isEmpty();
        assertThat(xmpp.receiptRequested()).isFalse();
    }

    @Test
    void unwrapsCpim() {
        String cpim = "From: MR SANDERS <im:piglet@100akerwood.com>\r\n"
                + "To: Depressed Donkey <im:eeyore@100akerwood.com>\r\n"
                + "DateTime: 2000-12-13T13:40:00-08:00\r\n"
                + "Subject: the weather will be fine today\r\n"
                + "\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Content-Language: de\r\n"
                + "\r\n"
                + "Grüße aus dem Wald\r\n";
        XmppMessage xmpp = translator.translate(message("message/cpim", cpim, StandardCharsets.ISO_8859_1))
                .orElseThrow();
        assertThat(xmpp.from().toString()).isEqualTo("romeo@contoso.test/dr4hcr0st3lup4c");
        assertThat(xmpp.bodies()).containsExactly(LocalizedText.of("Grüße aus dem Wald\n"));
        assertThat(xmpp.language()).contains("de");
        assertThat(xmpp.subjects()).containsExactly(LocalizedText.of("the weather will be fine today"));
    }

    @Test
    void unwrapsIsComposingInsideCpim() {
        String cpim = "From: <im:romeo@contoso.test>\r\n\r\nContent-Type: application/im-iscomposing+xml\r\n\r\n"
                + "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state></isComposing>";
        assertThat(translator.translate(message("message/cpim", cpim)).orElseThrow().chatState())
                .contains(ChatState.COMPOSING);
    }

    /** 415 Unsupported Media Type, not-acceptable on the XMPP side (RFC 7247 Table 3). */
    @ParameterizedTest
    @ValueSource(strings = {"image/png", "application/sdp", "multipart/mixed;boundary=x", "message/sipfrag",
        "text/enriched", "application/octet-stream"})
    void refusesUnsupportedContentTypes(String contentType) {
        assertRejected(translator.translate(message(contentType, "x")), StanzaErrorCondition.NOT_ACCEPTABLE, 415);
    }

    @Test
    void refusesCpimInsideCpim() {
        String cpim = "From: <im:a@b.example>\r\n\r\nContent-Type: message/cpim\r\n\r\nFrom: x\r\n\r\n"
                + "Content-Type: text/plain\r\n\r\nhi";
        assertRejected(translator.translate(message("message/cpim", cpim)), StanzaErrorCondition.NOT_ACCEPTABLE, 415);
    }

    @Test
    void refusesBodiesOverTheLimitAsPolicyViolation() {
        assertThat(translator.translate(message("text/plain", "x".repeat(400))).isMapped()).isTrue();
        assertRejected(translator.translate(message("text/plain", "x".repeat(401))),
                StanzaErrorCondition.POLICY_VIOLATION, 413);
    }

    @Test
    void refusesAMessageWithoutContentType() {
        SipMessage empty = new SipMessage(JULIET, JULIET, ROMEO, "c-1", OptionalLong.of(1), Optional.empty(),
                List.of(), Optional.empty(), new byte[0]);
        assertRejected(translator.translate(empty), StanzaErrorCondition.BAD_REQUEST, 400);
    }

    @Test
    void refusesASubjectXmlCannotCarry() {
        assertRejected(translator.translate(message("text/plain", "x").withSubject(Optional.of("bell\u0007"))),
                StanzaErrorCondition.BAD_REQUEST, 400);
    }

    /** RFC 7247 §9: a SIPS target is never translated. */
    @Test
    void refusesSipsTargets() {
        SipAddress sips = SipAddress.parse("sips:juliet@jabber.example").orElseThrow();
        SipMessage request = new SipMessage(sips, sips, ROMEO, "c-1", OptionalLong.of(1),
                Optional.of(ContentType.TEXT_PLAIN_UTF8), List.of(), Optional.empty(), new byte[] {'x'});
        assertRejected(translator.translate(request), StanzaErrorCondition.NOT_ACCEPTABLE, 416);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            sip:eve@jabber.example,   sip:juliet@jabber.example, FORBIDDEN,      403
            sip:romeo@contoso.test,   sip:alice@contoso.test,    ITEM_NOT_FOUND, 404
            """)
    void refusesMisroutedRequests(String from, String to, StanzaErrorCondition condition, int status) {
        SipAddress target = SipAddress.parse(to).orElseThrow();
        SipMessage request = new SipMessage(target, target, SipAddress.parse(from).orElseThrow(), "c-1",
                OptionalLong.of(1), Optional.of(ContentType.TEXT_PLAIN_UTF8), List.of(), Optional.empty(),
                new byte[] {'x'});
        assertRejected(translator.translate(request), condition, status);
    }

    static void assertRejected(MappingResult<?> result, StanzaErrorCondition condition, int sipStatus) {
        assertThat(result).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected -> {
            assertThat(rejected.rejection().condition()).isEqualTo(condition);
            assertThat(rejected.rejection().sipStatus()).isEqualTo(sipStatus);
        });
    }
}
