package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.address.XmppAddress;

/** The XMPP message record's rules (RFC 6121 §5.2.3, §5.2.4). */
class XmppMessageTest {

    private static final XmppAddress A = XmppAddress.of("a", "jabber.example");
    private static final XmppAddress B = XmppAddress.of("b", "contoso.test");

    @Test
    void refusesTwoBodiesInTheSameEffectiveLanguage() {
        XmppMessage.Builder builder = XmppMessage.builder(A, B).language("en").body("hi").body(LocalizedText.of("EN", "hey"));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body");
    }

    /** Which body a single-body transport gets: the one in the stanza's language, else the first. */
    @ParameterizedTest(name = "stanza lang {0}")
    @CsvSource(nullValues = "-", textBlock = """
            en, Hello
            de, Hallo
            cs, Hallo
            -,  Hallo
            """)
    void picksTheBodyInTheStanzaLanguage(String stanzaLanguage, String expected) {
        XmppMessage message = XmppMessage.builder(A, B).language(Optional.ofNullable(stanzaLanguage))
                .body(LocalizedText.of("de", "Hallo")).body(LocalizedText.of("en", "Hello")).build();
        assertThat(message.primaryBody().map(LocalizedText::text)).contains(expected);
    }

    @Test
    void refusesTextThatXmlCannotCarry() {
        assertThatThrownBy(() -> LocalizedText.of("nul\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalizedText.of("e n", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
