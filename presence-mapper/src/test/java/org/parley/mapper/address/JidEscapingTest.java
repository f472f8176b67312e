package org.parley.mapper.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** XEP-0106. In the text blocks below {@code \\} is one backslash. */
class JidEscapingTest {

    @ParameterizedTest(name = "[{0}] <-> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ` `  | \\20
            "    | \\22
            &    | \\26
            '    | \\27
            /    | \\2f
            :    | \\3a
            <    | \\3c
            >    | \\3e
            @    | \\40
            \\5c | \\5c5c
            """)
    void escapesEachDisallowedCharacterAsInTheXep0106Tables(String unescaped, String escaped) {
        assertThat(JidEscaping.escape(unescaped)).isEqualTo(escaped);
        assertThat(JidEscaping.unescape(escaped)).isEqualTo(unescaped);
    }

    /** XEP-0106 §5.1 "JID Examples" 1–12 (user input and escaped JID, localparts only). */
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            space cadet          | space\\20cadet
            call me "ishmael"    | call\\20me\\20\\22ishmael\\22
            at&t guy             | at\\26t\\20guy
            d'artagnan           | d\\27artagnan
            /.fanboy             | \\2f.fanboy
            ::foo::              | \\3a\\3afoo\\3a\\3a
            <foo>                | \\3cfoo\\3e
            user@host            | user\\40host
            c:\\net              | c\\3a\\net
            c:\\\\net            | c\\3a\\\\net
            c:\\cool stuff       | c\\3a\\cool\\20stuff
            c:\\5commas          | c\\3a\\5c5commas
            """)
    void transformsTheXep0106Examples(String userInput, String escaped) {
        assertThat(JidEscaping.escape(userInput)).isEqualTo(escaped);
        assertThat(JidEscaping.unescape(escaped)).isEqualTo(userInput);
        assertThat(JidEscaping.isCanonical(escaped)).isTrue();
    }

    /** XEP-0106 §4.3 "Exceptions": partial and unknown sequences are modified by neither transformation. */
    @ParameterizedTest
    @ValueSource(strings = {"\\2plus\\2is\\4", "foo\\bar", "foob\\41r", "\\5C27", "trailing\\", "x\\2"})
    void leavesPartialAndUnknownSequencesAlone(String text) {
        assertThat(JidEscaping.escape(text)).isEqualTo(text);
        assertThat(JidEscaping.unescape(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\27", "\\5c", "a\\20b", "\\5c27", "\\\\27", "x\\3a\\", "\\2f\\2f", "ñ\\40日本"})
    void escapesBackslashesThatWouldReadAsEscapesSoUnescapingRestoresTheInput(String text) {
        String escaped = JidEscaping.escape(text);
        assertThat(JidEscaping.unescape(escaped)).isEqualTo(text);
        assertThat(escaped).doesNotContain(" ", "\"", "&", "'", "/", ":", "<", ">", "@");
    }

    @ParameterizedTest(name = "{0} canonical: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            d\\27artagnan | true
            a\\b          | true
            \\5c27        | true
            a\\5cb        | false
            a\\5c         | false
            \\20bob       | false
            bob\\20       | false
            b\\20ob       | true
            """)
    void recognisesLocalpartsInCanonicalForm(String escaped, boolean canonical) {
        assertThat(JidEscaping.isCanonical(escaped)).isEqualTo(canonical);
    }

    @Test
    void aNameWithNothingToEscapeOrUnescapeIsReturnedItselfNotACopy() {
        String plain = new String("bob.smith");

        assertThat(JidEscaping.escape(plain)).isSameAs(plain);
        assertThat(JidEscaping.unescape(plain)).isSameAs(plain);
        assertThat(JidEscaping.escape("o'malley")).isEqualTo("o\\27malley");
    }
}
