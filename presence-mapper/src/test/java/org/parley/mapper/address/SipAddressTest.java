package org.parley.mapper.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.mapper.address.XmppAddressTest.assertRejected;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            sip:alice@contoso.test                              | SIP  | alice  | contoso.test |
            SIP:Alice@Contoso.TEST                              | SIP  | Alice  | contoso.test |
            sips:alice@contoso.test                             | SIPS | alice  | contoso.test |
            sip:alice@contoso.test.                             | SIP  | alice  | contoso.test |
            sip:alice@contoso.test:5061;transport=tls;lr        | SIP  | alice  | contoso.test |
            sip:alice@contoso.test?subject=hello%20there        | SIP  | alice  | contoso.test |
            sip:alice@contoso.test;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 | SIP | alice | contoso.test | urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            sip:alice@contoso.test;maddr=[::1];GR=x;user=ip      | SIP  | alice  | contoso.test | x
            sip:x@contoso.test;gr=a%20b%3Bc%C3%B1               | SIP  | x      | contoso.test | a b;cñ
            sip:f%C3%BC@sip.example                             | SIP  | fü     | sip.example  |
            sip:%61lice@contoso.test                            | SIP  | alice  | contoso.test |
            sip:%c3%bc@contoso.test                             | SIP  | ü      | contoso.test |
            sip:m&m@xmpp.example                                | SIP  | m&m    | xmpp.example |
            sip:a;b?c/d@contoso.test                            | SIP  | a;b?c/d | contoso.test |
            sip:100%25@contoso.test                             | SIP  | 100%   | contoso.test |
            sip:%20@contoso.test                                | SIP  | ` `    | contoso.test |
            """)
    void parsesTheAddressPartsOfASipUri(String uri, SipScheme scheme, String user, String host, String gruu) {
        assertThat(SipAddress.parse(uri).orElseThrow()).isEqualTo(new SipAddress(scheme, user, host, Optional.ofNullable(gruu)));
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            tel:+15551234567                         | not-acceptable | 416
            im:alice@contoso.test                    | not-acceptable | 416
            pres:alice@contoso.test                  | not-acceptable | 416
            http://contoso.test/                     | not-acceptable | 416
            sip:contoso.test                         | item-not-found | 484
            sip:contoso.test;transport=tls           | item-not-found | 484
            sip:alice@contoso.test;gr                | item-not-found | 404
            sip:                                     | jid-malformed  | 400
            alice@contoso.test                       | jid-malformed  | 400
            <sip:alice@contoso.test>                 | jid-malformed  | 400
            sip:@contoso.test                        | jid-malformed  | 400
            sip:alice:secret@contoso.test            | jid-malformed  | 400
            `sip:al ice@contoso.test`                | jid-malformed  | 400
            sip:ali"ce@contoso.test                  | jid-malformed  | 400
            sip:a<b@contoso.test                     | jid-malformed  | 400
            sip:a#b@contoso.test                     | jid-malformed  | 400
            sip:ñ@contoso.test                       | jid-malformed  | 400
            sip:a%2@contoso.test                     | jid-malformed  | 400
            sip:a%ZZ@contoso.test                    | jid-malformed  | 400
            sip:a%C3@contoso.test                    | jid-malformed  | 400
            sip:a%FF@contoso.test                    | jid-malformed  | 400
            sip:a%ED%A0%80@contoso.test              | jid-malformed  | 400
            sip:alice@                               | jid-malformed  | 400
            sip:alice@contoso.test:50x               | jid-malformed  | 400
            sip:alice@contoso.test:                  | jid-malformed  | 400
            sip:alice@192.0.2.1                      | jid-malformed  | 400
            sip:alice@[2001:db8::1]                  | jid-malformed  | 400
            sip:alice@bad_host.test                  | jid-malformed  | 400
            sip:alice@b%C3%BCcher.example            | jid-malformed  | 400
            sip:alice@bücher.example                 | jid-malformed  | 400
            sip:alice@contoso.test;gr=x;gr=y         | jid-malformed  | 400
            sip:alice@contoso.test;gr=               | jid-malformed  | 400
            sip:alice@contoso.test;gr=a%2            | jid-malformed  | 400
            sip:alice@contoso.test;gr=a@b            | jid-malformed  | 400
            sip:alice@contoso.test;;lr               | jid-malformed  | 400
            """)
    void rejectsWhatIsNotAUsableSipUserAddress(String uri, String condition, int sipStatus) {
        assertRejected(SipAddress.parse(uri), condition, sipStatus);
    }

    @Test
    void writesTheUserAndGruuPercentEncodedWhereRfc3261Requires() {
        SipAddress address = new SipAddress(SipScheme.SIP, "a b\"#%<>@:[\\]^`{|}ñ-_.!~*'()&=+$,;?/", "X.test",
                Optional.of("a b;c=d?e@f/g:h[i]&+$%ñ"));
        assertThat(address.toUri()).isEqualTo(
                "sip:a%20b%22%23%25%3C%3E%40%3A%5B%5C%5D%5E%60%7B%7C%7D%C3%B1-_.!~*'()&=+$,;?/@x.test"
                        + ";gr=a%20b%3Bc%3Dd%3Fe%40f/g:h[i]&+$%25%C3%B1");
        assertThat(SipAddress.parse(address.toUri()).orElseThrow()).isEqualTo(address);
    }

    @Test
    void sipsIsWrittenWithItsScheme() {
        assertThat(new SipAddress(SipScheme.SIPS, "alice", "contoso.test", Optional.empty()).toUri())
                .isEqualTo("sips:alice@contoso.test");
    }

    @Test
    void gruuCanBeAddedAndRemoved() {
        SipAddress aor = SipAddress.of("alice", "contoso.test");
        assertThat(aor.withGruu("g1").toString()).isEqualTo("sip:alice@contoso.test;gr=g1");
        assertThat(aor.withGruu("g1").withoutGruu()).isEqualTo(aor);
    }

    @Test
    void theConstructorRefusesInvalidPartsAsProgrammerErrors() {
        assertThatThrownBy(() -> SipAddress.of("", "contoso.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipAddress.of("a\uD800", "contoso.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipAddress.of("alice", "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipAddress.of("alice", "contoso.test").withGruu(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
