package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jabber.test          | jabber.test
            Jabber.TEST          | jabber.test
            jabber.test.         | jabber.test
            '  partner.test  '   | partner.test
            bücher.example       | xn--bcher-kva.example
            localhost            | localhost
            a-b.c-d.test         | a-b.c-d.test
            """)
    void normalises(String raw, String expected) {
        assertThat(DomainName.parse(raw)).isEqualTo(new DomainName.Parsed.Valid(new DomainName(expected)));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                   | required
            a..b                 | empty label
            -bad.test            | hyphen
            bad-.test            | hyphen
            under_score.test     | internationalised
            192.0.2.1            | IP address
            with space.test      | internationalised
            """)
    void refuses(String raw, String reasonFragment) {
        assertThat(DomainName.parse(raw)).isInstanceOfSatisfying(DomainName.Parsed.Invalid.class,
                invalid -> assertThat(invalid.reason()).containsIgnoringCase(reasonFragment));
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongNames() {
        String longName = ("a".repeat(63) + ".").repeat(4) + "test";
        assertThat(DomainName.parse(longName)).isInstanceOf(DomainName.Parsed.Invalid.class);
    }

    @org.junit.jupiter.api.Test
    void constructorRejectsUnnormalisedInput() {
        assertThatThrownBy(() -> new DomainName("Upper.Test")).isInstanceOf(IllegalArgumentException.class);
    }
}
