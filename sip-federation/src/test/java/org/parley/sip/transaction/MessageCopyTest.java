package org.parley.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCopyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sip:alice@contoso.test                     | sip:alice@contoso.test
            sip:Alice@Contoso.test;gr=urn:uuid:1234    | sip:alice@contoso.test
            sips:alice@contoso.test?subject=hi         | sips:alice@contoso.test
            sip:+15551234@contoso.test;user=phone      | sip:+15551234@contoso.test
            """)
    void keysASenderByItsFromUriWithoutParameters(String from, String key) {
        assertThat(MessageCopy.sender(from)).isEqualTo(key);
    }
}
