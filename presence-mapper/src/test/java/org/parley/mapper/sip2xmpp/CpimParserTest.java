package org.parley.mapper.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.mapper.sip2xmpp.MessageTranslatorTest.assertRejected;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.error.StanzaErrorCondition;

/** message/cpim (RFC 3862). In the tables {@code |} stands for CRLF. */
class CpimParserTest {

    /** RFC 3862 §6.1-style example, with namespaced and folded headers. */
    @Test
    void unwrapsHeadersAndContent() {
        CpimMessage cpim = CpimParser.parse(crlf("""
                From: MR SANDERS <im:piglet@100akerwood.com>|To: Depressed Donkey <im:eeyore@100akerwood.com>|\
                DateTime: 2000-12-13T13:40:00-08:00|Subject:;lang=en the weather will be fine today|\
                NS: MyFeatures <mid:MessageFeatures@id.foo.com>|Require: Subject, DateTime|\
                |Content-type: text/plain;|  charset=utf-8|Content-ID: <1234567890@foo.com>||Here is the text\
                """)).orElseThrow();
        assertThat(cpim.from()).contains("MR SANDERS <im:piglet@100akerwood.com>");
        assertThat(cpim.to()).contains("Depressed Donkey <im:eeyore@100akerwood.com>");
        assertThat(cpim.dateTime()).contains("2000-12-13T13:40:00-08:00");
        assertThat(cpim.subject()).contains("the weather will be fine today");
        assertThat(cpim.contentType().toString()).isEqualTo("text/plain;charset=utf-8");
        assertThat(new String(cpim.content(), StandardCharsets.UTF_8)).isEqualTo("Here is the text");
    }

    @Test
    void acceptsBareLineFeeds() {
        CpimMessage cpim = CpimParser.parse("From: <im:a@b.example>\n\nContent-Type: text/html\n\n<b>x</b>"
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(cpim.contentType().mediaType()).isEqualTo("text/html");
    }

    @Test
    void defaultsTheEncapsulatedTypeToUsAsciiText() {
        CpimMessage cpim = CpimParser.parse(crlf("From: <im:a@b.example>|||hi")).orElseThrow();
        assertThat(cpim.contentType().toString()).isEqualTo("text/plain;charset=us-ascii");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            From: x                                                     => BAD_REQUEST =>             400
            From: x||Content-Type: text/plain                           => BAD_REQUEST =>             400
            no colon here||Content-Type: text/plain||x                  => BAD_REQUEST =>             400
            From: x||Content-Type: text||x                              => BAD_REQUEST =>             400
            From: x||Content-Language: e n||x                           => BAD_REQUEST =>             400
            Require: Urgency||Content-Type: text/plain||x               => FEATURE_NOT_IMPLEMENTED => 420
            From: x||Content-Transfer-Encoding: base64||aGk=            => NOT_ACCEPTABLE =>          415
            """)
    void refusesWhatItCannotUnwrap(String cpim, StanzaErrorCondition condition, int status) {
        assertRejected(CpimParser.parse(crlf(cpim)), condition, status);
    }

    @Test
    void refusesHeadersThatAreNotUtf8() {
        byte[] body = {'F', 'r', 'o', 'm', ':', ' ', (byte) 0xC3, '(', '\r', '\n', '\r', '\n', '\r', '\n', 'x'};
        assertRejected(CpimParser.parse(body), StanzaErrorCondition.BAD_REQUEST, 400);
    }

    private static byte[] crlf(String text) {
        return text.replace("|", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
