package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8ValidatorTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "ASCII text,                     48656c6c6f,   -1",
        "TAB LF CR,                      090a0d,       -1",
        "two-byte e-acute,               c3a9,         -1",
        "three-byte euro,                e282ac,       -1",
        "four-byte emoji,                f09f9880,     -1",
        "highest code point U+10FFFF,    f48fbfbf,     -1",
        "U+FFFD,                         efbfbd,       -1",
        "last BMP before surrogates,     ed9fbf,       -1",
        "NUL,                            4100,         1",
        "control character U+0001,       01,           0",
        "stray continuation,             80,           0",
        "overlong two-byte,              c0af,         0",
        "overlong C1,                    c1bf,         0",
        "overlong three-byte,            e08080,       1",
        "overlong four-byte,             f08fbfbf,     1",
        "CESU-8 lone high surrogate,     eda080,       1",
        "lone low surrogate,             edb080,       1",
        "above U+10FFFF,                 f4908080,     1",
        "F5 lead byte,                   f5808080,     0",
        "FF byte,                        ff,           0",
        "truncated then ASCII,           e28241,       2",
        "U+FFFE,                         efbfbe,       2",
        "U+FFFF,                         efbfbf,       2",
    })
    void findsTheFirstInvalidByte(String name, String hex, int expectedIndex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(new Utf8Validator().scan(bytes, 0, bytes.length)).isEqualTo(expectedIndex);
    }

    @ParameterizedTest
    @CsvSource({"f09f9880, 1", "f09f9880, 2", "f09f9880, 3", "e282ac, 1", "e282ac, 2", "c3a9, 1"})
    void acceptsSequencesSplitAcrossCalls(String hex, int split) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Utf8Validator validator = new Utf8Validator();
        assertThat(validator.scan(bytes, 0, split)).isEqualTo(-1);
        assertThat(validator.scan(bytes, split, bytes.length - split)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({"eda080, 1", "eda080, 2", "f4908080, 1", "c080, 1"})
    void refusesInvalidSequencesSplitAcrossCalls(String hex, int split) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Utf8Validator validator = new Utf8Validator();
        int first = validator.scan(bytes, 0, split);
        int second = first >= 0 ? first : validator.scan(bytes, split, bytes.length - split);
        assertThat(second).isBetween(0, bytes.length - 1);
    }
}
