package org.parley.mapper.xmpp2sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipScheme;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ChatState;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.IsComposing;
import org.parley.mapper.im.IsComposingXml;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.SipMessage;
import org.parley.mapper.im.XmppMessage;

/** RFC 7572 §4 (XMPP → SIP) and RFC 7573 §6 Table 4. */
class MessageTranslatorTest {

    private static final AddressMapper ADDRESSES = new AddressMapper(Set.of("contoso.test"), Set.of("contoso.test"));
    private static final XmppAddress JULIET = jid("juliet@jabber.example/yn0cl4bnw0yr3vym");
    private static final XmppAddress ROMEO = jid("romeo@contoso.test");

    private final MessageTranslator translator = new MessageTranslator(ADDRESSES,
            new MessageSettings(50, Duration.ofSeconds(90)));

    /** Table 1, one row per mapped field. */
    @Test
    void mapsEveryTable1Field() {
        XmppMessage message = XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).id("m1").language("en")
                .body("Art thou not Romeo, and a Montague?").subject("Balcony")
                .thread("D9AA95FD-2BD5-46E2-AF0F-6CFAA96BDDFA").build();

        SipMessage sip = send(translator.translate(message));

        assertThat(sip.from().toUri()).isEqualTo("sip:juliet@jabber.example;gr=yn0cl4bnw0yr3vym");
        assertThat(sip.to().toUri()).isEqualTo("sip:romeo@contoso.test");
        assertThat(sip.requestUri().toUri()).isEqualTo("sip:romeo@contoso.test");
        assertThat(sip.callId()).isEqualTo("D9AA95FD-2BD5-46E2-AF0F-6CFAA96BDDFA");
        assertThat(sip.contentType()).contains(ContentType.TEXT_PLAIN_UTF8);
        assertThat(sip.contentLanguages()).containsExactly("en");
        assertThat(sip.subject()).contains("Balcony");
        assertThat(sip.cseq()).isEmpty();
        assertThat(new String(sip.body(), StandardCharsets.UTF_8)).isEqualTo("Art thou not Romeo, and a Montague?");
    }

    @ParameterizedTest(name = "to {0}")
    @CsvSource(textBlock = """
            romeo@contoso.test,        sip:romeo@contoso.test
            romeo@contoso.test/phone,  sip:romeo@contoso.test;gr=phone
            o\\27hara@contoso.test,    sip:o'hara@contoso.test
            """)
    void neverProducesSipsAndMapsTheTargetGruu(String to, String requestUri) {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, jid(to)).body("hi").build()));
        assertThat(sip.requestUri().toUri()).isEqualTo(requestUri);
        assertThat(sip.requestUri().scheme()).isEqualTo(SipScheme.SIP);
        assertThat(sip.from().scheme()).isEqualTo(SipScheme.SIP);
    }

    /** Several bodies: the one in the stanza's language is sent, with its language and the matching subject. */
    @ParameterizedTest(name = "stanza lang {0}")
    @CsvSource(nullValues = "-", textBlock = """
            en, Hello, en, Greeting
            de, Hallo, de, Gruß
            -,  Hallo, de, Gruß
            """)
    void sendsTheBodyInTheStanzaLanguage(String stanzaLanguage, String body, String language, String subject) {
        XmppMessage message = XmppMessage.builder(JULIET, ROMEO).language(Optional.ofNullable(stanzaLanguage))
                .body(LocalizedText.of("de", "Hallo")).body(LocalizedText.of("en", "Hello"))
                .subject(LocalizedText.of("en", "Greeting")).subject(LocalizedText.of("de", "Gruß")).build();
        SipMessage sip = send(translator.translate(message));
        assertThat(new String(sip.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(sip.contentLanguages()).containsExactly(language);
        assertThat(sip.subject()).contains(subject);
    }

    @Test
    void foldsLineBreaksInTheSubjectIntoSpaces() {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, ROMEO).body("x")
                .subject("two\r\nlines\nand\rmore").build()));
        assertThat(sip.subject()).contains("two lines and more");
    }

    @Test
    void sendsThePlainBodyOfAnXhtmlMessage() {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, ROMEO).body("bold")
                .xhtmlBody("<body xmlns='http://www.w3.org/1999/xhtml'><strong>bold</strong></body>").build()));
        assertThat(sip.contentType()).contains(ContentType.TEXT_PLAIN_UTF8);
        assertThat(new String(sip.body(), StandardCharsets.UTF_8)).isEqualTo("bold");
    }

    /** The limit (50 here) counts UTF-8 octets of body plus subject. */
    @ParameterizedTest(name = "body {0} octets + subject {1}")
    @CsvSource(textBlock = """
            50, 0,  true
            51, 0,  false
            40, 10, true
            40, 11, false
            """)
    void refusesContentOverTheLimitAsPolicyViolation(int bodyOctets, int subjectOctets, boolean sent) {
        XmppMessage.Builder builder = XmppMessage.builder(JULIET, ROMEO).body("é".repeat(bodyOctets / 2)
                + "x".repeat(bodyOctets % 2));
        if (subjectOctets > 0) {
            builder.subject("s".repeat(subjectOctets));
        }
        MappingResult<SipAction> result = translator.translate(builder.build());
        if (sent) {
            assertThat(send(result).bodyLength()).isEqualTo(bodyOctets);
        } else {
            assertRejected(result, StanzaErrorCondition.POLICY_VIOLATION, 413);
        }
    }

    /** Table 4: standalone notifications become isComposing documents, gone becomes nothing. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", textBlock = """
            ACTIVE,    IDLE,   -
            INACTIVE,  IDLE,   -
            PAUSED,    IDLE,   -
            COMPOSING, ACTIVE, 90
            GONE,      -,      -
            """)
    void sendsStandaloneChatStatesAsIsComposing(ChatState state, IsComposing.State event, Integer refresh) {
        XmppMessage message = XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).thread("t-1")
                .chatState(state).build();
        SipAction outcome = translator.translate(message).orElseThrow();
        if (event == null) {
            assertThat(outcome).isEqualTo(new SipAction.Absorbed(SipAction.Reason.GONE_CHAT_STATE));
            return;
        }
        SipMessage sip = ((SipAction.Send) outcome).message();
        assertThat(sip.contentType()).contains(ContentType.IS_COMPOSING);
        assertThat(sip.callId()).isEqualTo("t-1");
        IsComposing document = IsComposingXml.read(sip.body()).orElseThrow();
        assertThat(document.state()).isEqualTo(event);
        assertThat(document.refresh()).isEqualTo(Optional.ofNullable(refresh).map(Duration::ofSeconds));
    }

    @Test
    void ignoresTheChatStateOfAContentMessage() {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT)
                .body("hi").chatState(ChatState.COMPOSING).build()));
        assertThat(sip.contentType()).contains(ContentType.TEXT_PLAIN_UTF8);
    }

    @Test
    void sendsASubjectOnlyMessageWithAnEmptyBody() {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, ROMEO).subject("topic").build()));
        assertThat(sip.subject()).contains("topic");
        assertThat(sip.bodyLength()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"NORMAL", "CHAT", "HEADLINE"})
    void translatesNormalChatAndHeadlineAlike(MessageType type) {
        assertThat(translator.translate(XmppMessage.builder(JULIET, ROMEO).type(type).body("x").build()).orElseThrow())
                .isInstanceOf(SipAction.Send.class);
    }

    @Test
    void neverTurnsAnErrorStanzaIntoAMessage() {
        XmppMessage error = XmppMessage.builder(JULIET, ROMEO).type(MessageType.ERROR).id("m1").body("x").build();
        assertThat(translator.translate(error).orElseThrow())
                .isEqualTo(new SipAction.Absorbed(SipAction.Reason.ERROR_STANZA));
    }

    @ParameterizedTest(name = "to {0}")
    @CsvSource(textBlock = """
            romeo@contoso.test,       501
            romeo@contoso.test/phone, 405
            """)
    void refusesGroupchatAsFeatureNotImplemented(String to, int sipStatus) {
        assertRejected(translator.translate(XmppMessage.builder(JULIET, jid(to)).type(MessageType.GROUPCHAT)
                .body("x").build()), StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, sipStatus);
    }

    @Test
    void absorbsAckMessagesAndEmptyMessages() {
        assertThat(translator.translate(XmppMessage.builder(JULIET, ROMEO).receiptFor("m1").build()).orElseThrow())
                .isEqualTo(new SipAction.Absorbed(SipAction.Reason.RECEIPT));
        assertThat(translator.translate(XmppMessage.builder(JULIET, ROMEO).build()).orElseThrow())
                .isEqualTo(new SipAction.Absorbed(SipAction.Reason.NO_CONTENT));
    }

    @Test
    void refusesXhtmlWithoutBody() {
        assertRejected(translator.translate(XmppMessage.builder(JULIET, ROMEO)
                        .xhtmlBody("<body xmlns='http://www.w3.org/1999/xhtml'>x</body>").build()),
                StanzaErrorCondition.BAD_REQUEST, 400);
    }

    /** Addresses outside the gateway's roles are refused as the address mapper says (RFC 7247 §6). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            juliet@jabber.example, nobody@elsewhere.example, ITEM_NOT_FOUND, 404
            juliet@contoso.test,   romeo@contoso.test,       FORBIDDEN,      403
            """)
    void refusesMisroutedMessages(String from, String to, StanzaErrorCondition condition, int sipStatus) {
        assertRejected(translator.translate(XmppMessage.builder(jid(from), jid(to)).body("x").build()),
                condition, sipStatus);
    }

    static XmppAddress jid(String jid) {
        return XmppAddress.parse(jid).orElseThrow();
    }

    private static SipMessage send(MappingResult<SipAction> result) {
        assertThat(result.orElseThrow()).isInstanceOf(SipAction.Send.class);
        return ((SipAction.Send) result.orElseThrow()).message();
    }

    private static void assertRejected(MappingResult<?> result, StanzaErrorCondition condition, int sipStatus) {
        assertThat(result).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected -> {
            assertThat(rejected.rejection().condition()).isEqualTo(condition);
            assertThat(rejected.rejection().sipStatus()).isEqualTo(sipStatus);
        });
    }

    @Test
    void keepsTheMessageInOneContentLanguageOrNone() {
        SipMessage sip = send(translator.translate(XmppMessage.builder(JULIET, ROMEO).body("x").build()));
        assertThat(sip.contentLanguages()).isEqualTo(List.of());
    }
}
