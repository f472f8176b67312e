package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Content-Type header values (RFC 3261 §20.15). */
class ContentTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", quoteCharacter = '`', textBlock = """
            text/plain                               | text/plain  |            | text/plain
            Text/Plain;Charset=UTF-8                 | text/plain  | UTF-8      | text/plain;charset=UTF-8
            text/plain; charset="iso-8859-1"         | text/plain  | iso-8859-1 | text/plain;charset=iso-8859-1
            text/html ; charset = utf-8              | text/html   | utf-8      | text/html;charset=utf-8
            `text/plain;charset="a b\\"c"`           | text/plain  | `a b"c`    | `text/plain;charset="a b\\"c"`
            message/cpim                             | message/cpim |           | message/cpim
            application/im-iscomposing+xml           | application/im-iscomposing+xml | | application/im-iscomposing+xml
            """)
    void parsesHeaderValues(String header, String mediaType, String charset, String written) {
        ContentType type = ContentType.parse(header).orElseThrow();
        assertThat(type.mediaType()).isEqualTo(mediaType);
        assertThat(type.charset()).isEqualTo(Optional.ofNullable(charset));
        assertThat(type.toString()).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "text/", "/plain", "text/plain;", "text/plain;charset",
        "text/plain;charset=", "text/plain;charset=\"open", "text/plain;a=1;A=2", "text/plain extra", "té/plain"})
    void refusesMalformedValues(String header) {
        assertThat(ContentType.parse(header)).isEmpty();
    }
}
