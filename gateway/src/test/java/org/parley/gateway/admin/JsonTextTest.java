package org.parley.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTextTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("", "\"\""),
                Arguments.of("say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("C:\\dir", "\"C:\\\\dir\""),
                Arguments.of("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
                Arguments.of("\b\f", "\"\\b\\f\""),
                Arguments.of("nul\u0000 esc\u001b", "\"nul\\u0000 esc\\u001b\""),
                Arguments.of("</script> é ✓", "\"</script> é ✓\""),
                Arguments.of("pair \ud83d\ude00", "\"pair \ud83d\ude00\""),
                Arguments.of("lone high \ud83d!", "\"lone high \\ud83d!\""),
                Arguments.of("lone low \ude00", "\"lone low \\ude00\""),
                Arguments.of("reversed \ude00\ud83d", "\"reversed \\ude00\\ud83d\""));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void quotesAndEscapesPerRfc8259(String value, String json) {
        assertThat(JsonText.quote(value)).isEqualTo(json);
    }
}
