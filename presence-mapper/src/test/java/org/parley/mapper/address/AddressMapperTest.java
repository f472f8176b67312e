package org.parley.mapper.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.mapper.address.XmppAddressTest.assertRejected;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.Addressee;
import org.parley.mapper.error.ErrorMapping;

/** RFC 7247 §6 address mapping. In the text blocks {@code \\} is one backslash; the quote character is {@code "}. */
class AddressMapperTest {

    private static final String REMOTE = "jabber.example";
    private static final String LOCAL = "contoso.test";

    private final AddressMapper mapper = new AddressMapper(
            Set.of("Contoso.TEST.", "sip-only.test"), Set.of("contoso.test", "xmpp-only.test"));

    /** Awkward local parts: each row must map SIP → XMPP and back to exactly the same text, for both parties. */
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiterString = "<->", quoteCharacter = '"', textBlock = """
            sip:bob@jabber.example                               <-> bob@jabber.example
            sip:f%C3%BC@jabber.example                           <-> fü@jabber.example
            sip:o'malley@jabber.example                          <-> o\\27malley@jabber.example
            sip:m&m@jabber.example                               <-> m\\26m@jabber.example
            sip:space%20cadet@jabber.example                     <-> space\\20cadet@jabber.example
            sip:call%20me%20%22ishmael%22@jabber.example         <-> call\\20me\\20\\22ishmael\\22@jabber.example
            sip:at&t%20guy@jabber.example                        <-> at\\26t\\20guy@jabber.example
            sip:/.fanboy@jabber.example                          <-> \\2f.fanboy@jabber.example
            sip:%3A%3Afoo%3A%3A@jabber.example                   <-> \\3a\\3afoo\\3a\\3a@jabber.example
            sip:%3Cfoo%3E@jabber.example                         <-> \\3cfoo\\3e@jabber.example
            sip:user%40host@jabber.example                       <-> user\\40host@jabber.example
            sip:c%3A%5Cnet@jabber.example                        <-> c\\3a\\net@jabber.example
            sip:c%3A%5C%5Cnet@jabber.example                     <-> c\\3a\\\\net@jabber.example
            sip:c%3A%5Ccool%20stuff@jabber.example               <-> c\\3a\\cool\\20stuff@jabber.example
            sip:c%3A%5C5commas@jabber.example                    <-> c\\3a\\5c5commas@jabber.example
            sip:%5C27@jabber.example                             <-> \\5c27@jabber.example
            sip:%5C5c@jabber.example                             <-> \\5c5c@jabber.example
            sip:a%5C20b@jabber.example                           <-> a\\5c20b@jabber.example
            sip:%5C2plus%5C2is%5C4@jabber.example                <-> \\2plus\\2is\\4@jabber.example
            sip:foo%5Cbar@jabber.example                         <-> foo\\bar@jabber.example
            sip:foob%5C41r@jabber.example                        <-> foob\\41r@jabber.example
            sip:a%20b%20%20c@jabber.example                      <-> a\\20b\\20\\20c@jabber.example
            sip:100%25@jabber.example                            <-> 100%@jabber.example
            sip:%25C3%25BC@jabber.example                        <-> %C3%BC@jabber.example
            sip:+15551234567@jabber.example                      <-> +15551234567@jabber.example
            sip:first.last-name_x@jabber.example                 <-> first.last-name_x@jabber.example
            sip:se%C3%B1or@jabber.example                        <-> señor@jabber.example
            sip:%E6%97%A5%E6%9C%AC@jabber.example                <-> 日本@jabber.example
            sip:%F0%9F%98%80@jabber.example                      <-> 😀@jabber.example
            sip:!~*()@jabber.example                             <-> !~*()@jabber.example
            sip:a=b,c$d;e?f@jabber.example                       <-> a=b,c$d;e?f@jabber.example
            sip:%7B%7C%7D%5E%60%23%5B%5D@jabber.example          <-> {|}^`#[]@jabber.example
            sip:here's_a_wild_&_/cr%25zy/_address@jabber.example <-> here\\27s_a_wild_\\26_\\2fcr%zy\\2f_address@jabber.example
            sip:Bob@jabber.example                               <-> Bob@jabber.example
            sip:baz@jabber.example;gr=qux                        <-> baz@jabber.example/qux
            sip:baz@jabber.example;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 <-> baz@jabber.example/urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6
            sip:baz@jabber.example;gr=Mobile%20Phone%20%C3%B1    <-> baz@jabber.example/Mobile Phone ñ
            sip:baz@jabber.example;gr=a%3Bb%3Dc%40d/e%3F         <-> baz@jabber.example/a;b=c@d/e?
            sip:o'malley@jabber.example;gr=o'malley's%20phone    <-> o\\27malley@jabber.example/o'malley's phone
            """)
    void mapsAwkwardAddressesBothWaysExactly(String sipUri, String jid) {
        assertThat(mapper.toXmpp(sipUri, Party.REMOTE_XMPP_USER).orElseThrow().toString()).isEqualTo(jid);
        assertThat(mapper.toSip(jid, Party.REMOTE_XMPP_USER).orElseThrow().toUri()).isEqualTo(sipUri);

        String localUri = sipUri.replace(REMOTE, LOCAL);
        String localJid = jid.replace(REMOTE, LOCAL);
        assertThat(mapper.toXmpp(localUri, Party.LOCAL_SIP_USER).orElseThrow().toString()).isEqualTo(localJid);
        assertThat(mapper.toSip(localJid, Party.LOCAL_SIP_USER).orElseThrow().toUri()).isEqualTo(localUri);
    }

    /** RFC 7247 §6.4 examples (sip.example is a remote XMPP domain here). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "<->", quoteCharacter = '"', textBlock = """
            sip:f%C3%BC@sip.example      <-> fü@sip.example
            sip:o'malley@sip.example     <-> o\\27malley@sip.example
            sip:foo@sip.example;gr=bar   <-> foo@sip.example/bar
            """)
    void followsTheRfc7247SipToXmppExamples(String sipUri, String jid) {
        assertThat(mapper.toXmpp(sipUri, Party.REMOTE_XMPP_USER).orElseThrow().toString()).isEqualTo(jid);
    }

    /** RFC 7247 §6.5 examples. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "<->", quoteCharacter = '"', textBlock = """
            m\\26m@xmpp.example       <-> sip:m&m@xmpp.example
            tschüss@xmpp.example     <-> sip:tsch%C3%BCss@xmpp.example
            baz@xmpp.example/qux     <-> sip:baz@xmpp.example;gr=qux
            """)
    void followsTheRfc7247XmppToSipExamples(String jid, String sipUri) {
        assertThat(mapper.toSip(jid, Party.REMOTE_XMPP_USER).orElseThrow().toUri()).isEqualTo(sipUri);
    }

    /** Needless escapes, case and URI extras map, and come back in canonical form. */
    @ParameterizedTest(name = "{0} -> {1} -> {2}")
    @CsvSource(delimiterString = "<->", quoteCharacter = '"', textBlock = """
            sip:%61lice@jabber.example                      <-> alice@jabber.example       <-> sip:alice@jabber.example
            sip:m%26m@jabber.example                        <-> m\\26m@jabber.example       <-> sip:m&m@jabber.example
            sip:o%27malley@jabber.example                   <-> o\\27malley@jabber.example  <-> sip:o'malley@jabber.example
            sip:%c3%bc@jabber.example                       <-> ü@jabber.example           <-> sip:%C3%BC@jabber.example
            SIP:Bob@JABBER.Example                          <-> Bob@jabber.example         <-> sip:Bob@jabber.example
            sip:bob@jabber.example:5269;transport=tcp?x=y   <-> bob@jabber.example         <-> sip:bob@jabber.example
            sip:bob@jabber.example;gr=%71ux;lr              <-> bob@jabber.example/qux     <-> sip:bob@jabber.example;gr=qux
            """)
    void canonicalisesNeedlessEscapesOnTheWayBack(String sipUri, String jid, String canonicalUri) {
        XmppAddress xmpp = mapper.toXmpp(sipUri, Party.REMOTE_XMPP_USER).orElseThrow();
        assertThat(xmpp.toString()).isEqualTo(jid);
        assertThat(mapper.toSip(xmpp, Party.REMOTE_XMPP_USER).orElseThrow().toUri()).isEqualTo(canonicalUri);
    }

    @ParameterizedTest(name = "{1} {0} -> {2} / {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            sips:bob@jabber.example               | REMOTE_XMPP_USER | not-acceptable | 416
            sips:alice@contoso.test               | LOCAL_SIP_USER   | not-acceptable | 416
            tel:+15551234567                      | REMOTE_XMPP_USER | not-acceptable | 416
            sip:jabber.example                    | REMOTE_XMPP_USER | item-not-found | 484
            sip:bob@jabber.example;gr             | REMOTE_XMPP_USER | item-not-found | 404
            sip:alice@jabber.example              | LOCAL_SIP_USER   | forbidden      | 403
            sip:alice@sip-only.test               | LOCAL_SIP_USER   | forbidden      | 403
            sip:alice@xmpp-only.test              | LOCAL_SIP_USER   | forbidden      | 403
            sip:bob@contoso.test                  | REMOTE_XMPP_USER | item-not-found | 404
            sip:bob@sip-only.test                 | REMOTE_XMPP_USER | item-not-found | 404
            sip:bob@xmpp-only.test                | REMOTE_XMPP_USER | item-not-found | 404
            sip:%20bob@jabber.example             | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bob%20@jabber.example             | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:%20@jabber.example                | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bo%09b@jabber.example             | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bo%00b@jabber.example             | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bo%C2%A0b@jabber.example          | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bob@jabber.example;gr=a%0Ab       | REMOTE_XMPP_USER | jid-malformed  | 400
            sip:bob@192.0.2.1                     | REMOTE_XMPP_USER | jid-malformed  | 400
            """)
    void refusesSipAddressesItMustNotOrCannotTranslate(String sipUri, Party party, String condition, int status) {
        assertRejected(mapper.toXmpp(sipUri, party), condition, status);
    }

    @ParameterizedTest(name = "{1} {0} -> {2} / {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            bob@contoso.test                      | REMOTE_XMPP_USER | forbidden      | 403
            bob@xmpp-only.test                    | REMOTE_XMPP_USER | forbidden      | 403
            bob@sip-only.test                     | REMOTE_XMPP_USER | forbidden      | 403
            alice@jabber.example                  | LOCAL_SIP_USER   | item-not-found | 404
            alice@xmpp-only.test                  | LOCAL_SIP_USER   | item-not-found | 404
            alice@sip-only.test                   | LOCAL_SIP_USER   | item-not-found | 404
            jabber.example                        | REMOTE_XMPP_USER | item-not-found | 484
            a\\5cb@jabber.example                  | REMOTE_XMPP_USER | jid-malformed  | 400
            a\\5c@jabber.example                   | REMOTE_XMPP_USER | jid-malformed  | 400
            \\20bob@jabber.example                 | REMOTE_XMPP_USER | jid-malformed  | 400
            bob\\20@jabber.example                 | REMOTE_XMPP_USER | jid-malformed  | 400
            o'malley@jabber.example               | REMOTE_XMPP_USER | jid-malformed  | 400
            """)
    void refusesXmppAddressesItMustNotOrCannotTranslate(String jid, Party party, String condition, int status) {
        assertRejected(mapper.toSip(jid, party), condition, status);
    }

    @Test
    void aLocalSipUsersGruuBecomesTheResourceAndBack() {
        XmppAddress jid = mapper.toXmpp("sip:alice@contoso.test;gr=urn:uuid:1", Party.LOCAL_SIP_USER).orElseThrow();
        assertThat(jid).isEqualTo(XmppAddress.of("alice", "contoso.test").withResource("urn:uuid:1"));
        assertThat(mapper.toSip(jid, Party.LOCAL_SIP_USER).orElseThrow())
                .isEqualTo(SipAddress.of("alice", "contoso.test").withGruu("urn:uuid:1"));
    }

    @Test
    void neverProducesSips() {
        assertThat(mapper.toSip("alice@contoso.test", Party.LOCAL_SIP_USER).orElseThrow().scheme())
                .isEqualTo(SipScheme.SIP);
    }

    @Test
    void refusesALocalpartThatEscapingPushesPast1023Octets() {
        assertThat(mapper.toXmpp("sip:" + "a".repeat(1023) + "@jabber.example", Party.REMOTE_XMPP_USER).isMapped())
                .isTrue();
        assertThat(mapper.toXmpp("sip:" + "'".repeat(341) + "@jabber.example", Party.REMOTE_XMPP_USER).isMapped())
                .isTrue();
        assertRejected(mapper.toXmpp("sip:" + "a".repeat(1024) + "@jabber.example", Party.REMOTE_XMPP_USER),
                "jid-malformed", 400);
        assertRejected(mapper.toXmpp("sip:" + "'".repeat(342) + "@jabber.example", Party.REMOTE_XMPP_USER),
                "jid-malformed", 400);
    }

    @Test
    void refusesAnInvalidConfiguredDomain() {
        assertThatThrownBy(() -> new AddressMapper(Set.of("not a domain"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Each rejection kind answers with a pair RFC 7247 Table 2 or Table 3 also relates. */
    @ParameterizedTest
    @EnumSource(AddressProblem.class)
    void everyRejectionPairAgreesWithTheErrorTables(AddressProblem problem) {
        Rejection rejection = problem.reject("test");
        boolean sipToXmpp = ErrorMapping.toStanzaCondition(rejection.sipStatus()) == rejection.condition();
        boolean xmppToSip = ErrorMapping.toSipStatus(rejection.condition(), Addressee.BARE_JID) == rejection.sipStatus()
                || ErrorMapping.toSipStatus(rejection.condition(), Addressee.FULL_JID) == rejection.sipStatus();
        assertThat(sipToXmpp || xmppToSip).as("%s agrees with Table 2 or 3", rejection).isTrue();
    }
}
