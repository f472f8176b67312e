package org.parley.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValveTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hello              | false
            ''                 | false
            'short\\0\\0\\0'   | true
            '\\0'              | true
            'a\\0b'            | false
            """)
    void recognisesABodyPaddedWithZerosAfterACutOff(String body, boolean padded) {
        byte[] bytes = body.replace("\\0", "\0").getBytes(StandardCharsets.UTF_8);
        assertThat(RequestValve.paddedBody(bytes)).isEqualTo(padded);
    }

    @org.junit.jupiter.api.Test
    void noBodyIsNotPadded() {
        assertThat(RequestValve.paddedBody(null)).isFalse();
    }
}
