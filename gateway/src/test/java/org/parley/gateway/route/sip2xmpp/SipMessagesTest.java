package org.parley.gateway.route.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.SipMessage;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;

/** The SIP module's inbound MESSAGE read into the mapper's record: every field, and refusals as values. */
class SipMessagesTest {

    @Test
    void readsAddressesCallIdCseqContentLanguagesSubjectAndBody() {
        SipMessage message = SipMessages.read(new InboundRequest("MESSAGE", "sip:alice@jabber.test;transport=tls",
                "sip:bob@contoso.test;gr=laptop", "sip:alice@jabber.test", "call-1@host", List.of(
                        new SipHeader("CSeq", "42 MESSAGE"), new SipHeader("Content-Language", "en, fr"),
                        new SipHeader("Content-Language", "de"), new SipHeader("Subject", "Lunch")),
                Optional.of(new SipBody("text/plain; charset=\"ISO-8859-1\"",
                        "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))))).orElseThrow();

        assertThat(message.requestUri().toUri()).isEqualTo("sip:alice@jabber.test");
        assertThat(message.from().toUri()).isEqualTo("sip:bob@contoso.test;gr=laptop");
        assertThat(message.callId()).isEqualTo("call-1@host");
        assertThat(message.cseq()).hasValue(42);
        assertThat(message.contentLanguages()).containsExactly("en", "fr", "de");
        assertThat(message.subject()).hasValue("Lunch");
        assertThat(message.contentType()).hasValue(ContentType.parse("text/plain;charset=ISO-8859-1").orElseThrow());
        assertThat(message.body()).containsExactly("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no CSeq                 | sip:alice@jabber.test | sip:bob@contoso.test | text/plain    | -          | en    | 400
            CSeq not a number       | sip:alice@jabber.test | sip:bob@contoso.test | text/plain    | x MESSAGE  | en    | 400
            malformed Content-Type  | sip:alice@jabber.test | sip:bob@contoso.test | text          | 1 MESSAGE  | en    | 400
            bad language tag        | sip:alice@jabber.test | sip:bob@contoso.test | text/plain    | 1 MESSAGE  | e n!  | 400
            malformed From          | sip:alice@jabber.test | sip:%zz@contoso.test | text/plain    | 1 MESSAGE  | en    | 400
            unknown scheme          | tel:+1555             | sip:bob@contoso.test | text/plain    | 1 MESSAGE  | en    | 416
            """)
    void refusesWhatTheMapperCannotHold(String what, String target, String from, String type, String cseq,
                                        String language, int status) {
        List<SipHeader> headers = new java.util.ArrayList<>(List.of(new SipHeader("Content-Language", language)));
        if (!cseq.equals("-")) {
            headers.add(new SipHeader("CSeq", cseq));
        }
        MappingResult<SipMessage> read = SipMessages.read(new InboundRequest("MESSAGE", target, from, target,
                "call-1", headers, Optional.of(new SipBody(type, "hi".getBytes(StandardCharsets.UTF_8)))));

        assertThat(read).as(what).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected ->
                assertThat(rejected.rejection().sipStatus()).isEqualTo(status));
    }
}
