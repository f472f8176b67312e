package org.parley.mapper.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

class PidfReaderTest {

    private final PidfReader reader = new PidfReader();

    @Test
    void readsRfc8048Example4WithEmbeddedShow() {
        PidfDocument document = reader.read("""
                <?xml version='1.0' encoding='UTF-8'?>
                <presence xmlns='urn:ietf:params:xml:ns:pidf'
                          entity='pres:romeo@example.net'>
                  <tuple id='ID-dr4hcr0st3lup4c'>
                    <status>
                      <basic>open</basic>
                      <show xmlns='jabber:client'>away</show>
                    </status>
                  </tuple>
                </presence>
                """).orElseThrow();

        assertThat(document.entity()).isEqualTo("pres:romeo@example.net");
        assertThat(document.tuples()).containsExactly(new PidfTuple("ID-dr4hcr0st3lup4c",
                Optional.of(BasicStatus.OPEN), Optional.of(JabberShow.AWAY), Optional.empty(), List.of(),
                Optional.empty()));
        assertThat(document.persons()).isEmpty();
    }

    @Test
    void readsContactPriorityNotesTimestampAndRpidPerson() {
        PidfDocument document = reader.read("""
                <presence xmlns='urn:ietf:params:xml:ns:pidf' xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model'
                          xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid' entity='sip:bob@contoso.test'>
                  <tuple id='t1'>
                    <status><basic>closed</basic></status>
                    <contact priority='0.8'>sip:bob@contoso.test;gr=desk</contact>
                    <note xml:lang='en'>In a meeting</note>
                    <note xml:lang='fr'>En réunion</note>
                    <timestamp>2024-05-01T10:15:30+02:00</timestamp>
                  </tuple>
                  <note>document note</note>
                  <dm:person id='p1'>
                    <rpid:activities><rpid:meeting/><rpid:on-the-phone/><rpid:unknown-thing/></rpid:activities>
                    <dm:note>person note</dm:note>
                    <dm:timestamp>2024-05-01T08:00:00Z</dm:timestamp>
                  </dm:person>
                </presence>
                """).orElseThrow();

        PidfTuple tuple = document.tuples().get(0);
        assertThat(tuple.basic()).contains(BasicStatus.CLOSED);
        assertThat(tuple.contact()).contains(new PidfContact("sip:bob@contoso.test;gr=desk",
                Optional.of(new BigDecimal("0.8"))));
        assertThat(tuple.notes()).containsExactly(PidfNote.of("In a meeting", "en"), PidfNote.of("En réunion", "fr"));
        assertThat(tuple.timestamp()).contains(Instant.parse("2024-05-01T08:15:30Z"));
        assertThat(document.notes()).containsExactly(PidfNote.of("document note"));
        assertThat(document.persons()).containsExactly(new PidfPerson("p1",
                List.of(Activity.MEETING, Activity.ON_THE_PHONE), List.of(PidfNote.of("person note")),
                Optional.of(Instant.parse("2024-05-01T08:00:00Z"))));
    }

    @Test
    void skipsUnknownElementsDevicesAndForeignNamespaces() {
        PidfDocument document = reader.read("""
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:bob@contoso.test' extra='x'>
                  <tuple id='a' xmlns:x='urn:example:x'>
                    <status><x:mood>happy</x:mood><basic>open</basic></status>
                    <x:deep><x:deeper><basic>closed</basic></x:deeper></x:deep>
                  </tuple>
                  <dm:device xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' id='d1'><dm:deviceID>x</dm:deviceID></dm:device>
                  <!-- a comment --><?pi data?>
                </presence>
                """).orElseThrow();

        assertThat(document.tuples()).containsExactly(PidfTuple.of("a", BasicStatus.OPEN));
        assertThat(document.persons()).isEmpty();
    }

    @Test
    void ignoresShowValuesRfc6121DoesNotDefine() {
        PidfDocument document = reader.read("""
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:bob@contoso.test'>
                  <tuple id='a'><status><basic>open</basic><show xmlns='jabber:client'>sleepy</show></status></tuple>
                </presence>
                """).orElseThrow();

        assertThat(document.tuples().get(0).show()).isEmpty();
    }

    @Test
    void detectsTheEncodingFromTheXmlDeclaration() {
        byte[] latin1 = """
                <?xml version='1.0' encoding='ISO-8859-1'?>
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:bob@contoso.test'>
                  <note>caf\u00e9</note>
                </presence>
                """.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(reader.read(latin1).orElseThrow().notes()).containsExactly(PidfNote.of("caf\u00e9"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty body                 | ''
            not well-formed            | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'></presence>
            not XML                    | open
            wrong root                 | <presence entity='e'/>
            wrong root name            | <status xmlns='urn:ietf:params:xml:ns:pidf'/>
            no entity                  | <presence xmlns='urn:ietf:params:xml:ns:pidf'/>
            tuple without id           | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple/></presence>
            duplicate tuple id         | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'/><tuple id='a'/></presence>
            tuple and person share id  | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'/><person xmlns='urn:ietf:params:xml:ns:pidf:data-model' id='a'/></presence>
            basic neither open/closed  | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'><status><basic>maybe</basic></status></tuple></presence>
            priority above one         | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'><contact priority='1.5'>sip:a@b</contact></tuple></presence>
            priority with 4 decimals   | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'><contact priority='0.1234'>sip:a@b</contact></tuple></presence>
            empty contact              | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'><contact/></tuple></presence>
            timestamp not a dateTime   | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><tuple id='a'><timestamp>yesterday</timestamp></tuple></presence>
            second root element        | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'/><presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'/>
            undeclared entity          | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='e'><note>&ent;</note></presence>
            """)
    void rejectsMalformedDocumentsAsBadRequest(String what, String body) {
        Rejection rejection = rejection(reader.read(body));

        assertThat(rejection.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(rejection.sipStatus()).isEqualTo(400);
    }

    @Test
    void refusesAnInternalSubsetWithExponentialEntityExpansion() {
        String billionLaughs = """
                <?xml version='1.0'?>
                <!DOCTYPE presence [
                  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
                  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
                  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
                ]>
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><note>&e;</note></presence>
                """;

        Rejection rejection = rejection(reader.read(billionLaughs));

        assertThat(rejection.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(rejection.reason()).contains("document type declarations are not allowed");
    }

    @Test
    void refusesExternalEntitiesWithoutReadingThem() {
        String xxe = """
                <?xml version='1.0'?>
                <!DOCTYPE presence [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><note>&secret;</note></presence>
                """;

        Rejection rejection = rejection(reader.read(xxe));

        assertThat(rejection.reason()).contains("document type declarations are not allowed")
                .doesNotContain("root:");
    }

    @Test
    void refusesAnExternalDtdReference() {
        String external = """
                <!DOCTYPE presence SYSTEM "http://127.0.0.1:1/pidf.dtd">
                <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>
                """;

        assertThat(rejection(reader.read(external)).reason()).contains("document type declarations are not allowed");
    }

    @Test
    void refusesBodiesOverTheSizeLimitAsPolicyViolation413() {
        PidfReader small = new PidfReader(1024);
        String body = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'><note>"
                + "x".repeat(1024) + "</note></presence>";

        Rejection rejection = rejection(small.read(body));

        assertThat(rejection.condition()).isEqualTo(StanzaErrorCondition.POLICY_VIOLATION);
        assertThat(rejection.sipStatus()).isEqualTo(413);
    }

    @Test
    void acceptsABodyExactlyAtTheSizeLimit() {
        String body = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>";

        assertThat(new PidfReader(body.length()).read(body).isMapped()).isTrue();
    }

    @Test
    void skipsDeeplyNestedUnknownExtensionsWithoutRecursion() {
        int depth = 1_000;
        String body = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'>"
                + "<x:e xmlns:x='urn:example:x'>".repeat(depth) + "</x:e>".repeat(depth)
                + "<tuple id='a'><status><basic>open</basic></status></tuple></presence>";

        assertThat(reader.read(body).orElseThrow().tuples()).containsExactly(PidfTuple.of("a", BasicStatus.OPEN));
    }

    private static Rejection rejection(MappingResult<?> result) {
        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        return ((MappingResult.Rejected<?>) result).rejection();
    }
}
