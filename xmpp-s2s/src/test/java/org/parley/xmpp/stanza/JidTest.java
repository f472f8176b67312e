package org.parley.xmpp.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7622 address checks, one line per case. */
class JidTest {

    @ParameterizedTest
    @CsvSource({
            "juliet@example.com,                juliet@example.com",
            "Juliet@Example.COM/Balcony,        juliet@example.com/Balcony",
            "example.com,                       example.com",
            "example.com.,                      example.com",
            "example.com/foo@bar,               example.com/foo@bar",
            "juliet@example.com/a/b,            juliet@example.com/a/b",
            "juliet@[::1],                      juliet@[::1]",
            "juliet@127.0.0.1,                  juliet@127.0.0.1",
    })
    void parsesAndNormalisesValidAddresses(String input, String expected) {
        assertThat(Jid.parse(input)).map(Jid::toString).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@example.com", "juliet@", "juliet@example.com/", "jul iet@example.com",
            "jul\"iet@example.com", "jul<iet@example.com", "jul:iet@example.com", "jul'iet@example.com",
            "jul&iet@example.com", "exa mple.com", "-bad-.example.com", "example..com", "a@b@example.com",
            "juliet@example.com/\u0000", "juliet@example.com/\uD800"})
    void refusesMalformedAddresses(String input) {
        assertThat(Jid.parse(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"local, 1023, true", "local, 1024, false", "resource, 1023, true", "resource, 1024, false"})
    void limitsEachPartTo1023Bytes(String part, int length, boolean accepted) {
        String filler = "x".repeat(length);
        String text = part.equals("local") ? filler + "@example.com" : "a@example.com/" + filler;
        assertThat(Jid.parse(text).isPresent()).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({"bare@example.com/r, bare@example.com, false", "example.com, example.com, true"})
    void knowsBareAndDomainForms(String input, String bare, boolean isDomain) {
        Jid jid = Jid.of(input);
        assertThat(jid.bare()).isEqualTo(Jid.of(bare));
        assertThat(jid.isDomain()).isEqualTo(isDomain);
        assertThat(Optional.of(jid)).isEqualTo(Jid.parse(jid.toString()));
    }
}
