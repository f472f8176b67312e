package org.parley.mapper.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

class XmppAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            alice@example.com                 | alice        | example.com          |
            Alice@Example.COM/Phone           | Alice        | example.com          | Phone
            a@example.com./r                  | a            | example.com          | r
            bob@jabber.example/res/with@at    | bob          | jabber.example       | res/with@at
            d\\27artagnan@example.com          | d\\27artagnan | example.com          |
            c\\3a\\net@example.com             | c\\3a\\net    | example.com          |
            fü@bücher.example/my phone        | fü           | xn--bcher-kva.example | my phone
            100%+x=y!@example.com             | 100%+x=y!    | example.com          |
            """)
    void parsesAJidIntoNormalisedParts(String jid, String localpart, String domain, String resource) {
        XmppAddress address = XmppAddress.parse(jid).orElseThrow();
        assertThat(address).isEqualTo(new XmppAddress(localpart, domain, Optional.ofNullable(resource)));
        assertThat(address.domain()).isEqualTo(domain);
        assertThat(address.toString())
                .isEqualTo(localpart + "@" + domain + (resource == null ? "" : "/" + resource));
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            example.com                | item-not-found | 484
            example.com/resource       | item-not-found | 484
            @example.com               | jid-malformed  | 400
            alice@                     | jid-malformed  | 400
            alice@example.com/         | jid-malformed  | 400
            a@b@example.com            | jid-malformed  | 400
            o'malley@example.com       | jid-malformed  | 400
            `a b@example.com`          | jid-malformed  | 400
            a"b@example.com            | jid-malformed  | 400
            a&b@example.com            | jid-malformed  | 400
            a:b@example.com            | jid-malformed  | 400
            a<b@example.com            | jid-malformed  | 400
            a>b@example.com            | jid-malformed  | 400
            alice@exa mple.com         | jid-malformed  | 400
            alice@exa_mple.com         | jid-malformed  | 400
            alice@-bad.example         | jid-malformed  | 400
            alice@a..example           | jid-malformed  | 400
            alice@192.0.2.1            | jid-malformed  | 400
            alice@[2001:db8::1]        | jid-malformed  | 400
            """)
    void rejectsMalformedJidsAndDomainJids(String jid, String condition, int sipStatus) {
        assertRejected(XmppAddress.parse(jid), condition, sipStatus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb@example.com", "a\u00A0b@example.com", "a\u0000b@example.com",
            "a\u0085b@example.com", "a\uD800b@example.com", "alice@example.com/a\u0007b",
            "alice@example.com/\uDC00"})
    void rejectsWhitespaceControlsAndBrokenUnicode(String jid) {
        assertRejected(XmppAddress.parse(jid), "jid-malformed", 400);
    }

    @Test
    void acceptsPartsOfUpTo1023OctetsAndRejectsLongerOnes() {
        String ascii1023 = "a".repeat(1023);
        String twoByte1023 = "ñ".repeat(511) + "a";
        assertThat(XmppAddress.parse(ascii1023 + "@example.com/" + twoByte1023).isMapped()).isTrue();
        assertThat(XmppAddress.parse(twoByte1023 + "@example.com").isMapped()).isTrue();
        assertRejected(XmppAddress.parse("a".repeat(1024) + "@example.com"), "jid-malformed", 400);
        assertRejected(XmppAddress.parse("ñ".repeat(512) + "@example.com"), "jid-malformed", 400);
        assertRejected(XmppAddress.parse("a@example.com/" + "ñ".repeat(512)), "jid-malformed", 400);
    }

    @Test
    void theConstructorRefusesInvalidPartsAsProgrammerErrors() {
        assertThatThrownBy(() -> XmppAddress.of("o'malley", "example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'");
        assertThatThrownBy(() -> XmppAddress.of("alice", "not a domain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XmppAddress("alice", "example.com", Optional.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesAtOneDomainShareOneCopyOfItsName() {
        XmppAddress parsed = XmppAddress.parse("alice@" + new String("Jabber.Test")).orElseThrow();
        XmppAddress built = XmppAddress.of("bob", new StringBuilder("jabber.").append("test").toString());
        SipAddress sip = SipAddress.of("carol", new String("jabber.test"));

        assertThat(parsed.domain()).isEqualTo("jabber.test").isSameAs(built.domain()).isSameAs(sip.host());
    }

    @Test
    void bareAndFullForms() {
        XmppAddress full = XmppAddress.of("alice", "Example.com").withResource("desk");
        assertThat(full.isFull()).isTrue();
        assertThat(full.toString()).isEqualTo("alice@example.com/desk");
        assertThat(full.bare()).isEqualTo(XmppAddress.of("alice", "example.com"));
        assertThat(full.bare().isFull()).isFalse();
    }

    static void assertRejected(MappingResult<?> result, String condition, int sipStatus) {
        assertThat(result).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected -> {
            Rejection rejection = rejected.rejection();
            assertThat(rejection.condition()).isEqualTo(StanzaErrorCondition.fromElementName(condition).orElseThrow());
            assertThat(rejection.sipStatus()).isEqualTo(sipStatus);
            assertThat(rejection.reason()).isNotBlank();
        });
    }
}
