package org.parley.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipFramingTest {

    private static final String HEAD = "MESSAGE sip:a@gw.test SIP/2.0\r\nVia: SIP/2.0/TLS e:5061\r\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two messages with bodies            | Content-Length: 2\\r\\n\\r\\nhi<HEAD>l: 3\\r\\n\\r\\nabc | ",
        "keep-alive CRLFs between messages   | Content-Length: 0\\r\\n\\r\\n\\r\\n\\r\\n<HEAD>\\r\\n | ",
        "no Content-Length counts as zero    | \\r\\n<HEAD>\\r\\n                                    | ",
        "same Content-Length twice           | Content-Length: 2\\r\\nl: 2\\r\\n\\r\\nhi            | ",
        "unreadable Content-Length           | Content-Length: 1x\\r\\n\\r\\n                        | unreadable",
        "negative Content-Length             | Content-Length: -1\\r\\n\\r\\n                        | unreadable",
        "empty Content-Length                | Content-Length:\\r\\n\\r\\n                           | unreadable",
        "different Content-Lengths           | Content-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\n   | two different",
        "Content-Length above the limit      | Content-Length: 1025\\r\\n\\r\\n                      | above the limit",
        "body bytes are not parsed as headers| Content-Length: 20\\r\\n\\r\\nl: x\\r\\nl: y\\r\\n\\r\\n12 | ",
    })
    void followsMessageBoundaries(String name, String rest, String violation) {
        String text = (HEAD + rest.replace("<HEAD>", HEAD)).replace("\\r\\n", "\r\n");
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

        Optional<String> whole = new SipFraming(1024).accept(bytes, 0, bytes.length);
        SipFraming split = new SipFraming(1024);
        Optional<String> bytewise = Optional.empty();
        for (int i = 0; i < bytes.length && bytewise.isEmpty(); i++) {
            bytewise = split.accept(bytes, i, 1);
        }

        if (violation == null) {
            assertThat(whole).isEmpty();
        } else {
            assertThat(whole).hasValueSatisfying(v -> assertThat(v).contains(violation));
        }
        assertThat(bytewise).isEqualTo(whole);
    }

    @ParameterizedTest
    @CsvSource({"1000, false", "1025, true"})
    void refusesHeaderBlocksAboveTheLimit(int headerBytes, boolean refused) {
        byte[] bytes = (HEAD + "X: " + "a".repeat(headerBytes - HEAD.length() - 5) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(new SipFraming(1024).accept(bytes, 0, bytes.length).isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Content-Length: 5\\r\\n\\r\\nab | true", "Content-Length: 2\\r\\n\\r\\nab | false",
        "Content-Length: 2\\r\\n | true"})
    void knowsWhetherTheStreamStopsInsideAMessage(String rest, boolean inside) {
        byte[] bytes = (HEAD + rest.replace("\\r\\n", "\r\n")).getBytes(StandardCharsets.US_ASCII);
        SipFraming framing = new SipFraming(1024);

        framing.accept(bytes, 0, bytes.length);

        assertThat(framing.insideMessage()).isEqualTo(inside);
    }
}
