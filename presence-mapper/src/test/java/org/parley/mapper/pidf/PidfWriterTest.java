package org.parley.mapper.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PidfWriterTest {

    private final PidfWriter writer = new PidfWriter();
    private final PidfReader reader = new PidfReader();

    @Test
    void writesTheRfc8048Example19Shape() {
        PidfDocument document = PidfDocument.of("pres:juliet@example.com", List.of(new PidfTuple(
                "ID-yn0cl4bnw0yr3vym", Optional.of(BasicStatus.OPEN), Optional.of(JabberShow.AWAY),
                Optional.empty(), List.of(), Optional.empty())));

        String xml = writer.write(document);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:juliet@example.com\">")
                .contains("<tuple id=\"ID-yn0cl4bnw0yr3vym\"><status><basic>open</basic>"
                        + "<show xmlns=\"jabber:client\">away</show></status></tuple>")
                .doesNotContain("xmlns:dm");
    }

    @Test
    void writesPersonsWithRpidActivitiesAfterTheDocumentNotes() {
        PidfDocument document = new PidfDocument("sip:a@b", List.of(PidfTuple.of("ID", BasicStatus.OPEN)),
                List.of(PidfNote.of("hi")), List.of(PidfPerson.of("person", List.of(Activity.BUSY))));

        String xml = writer.write(document);

        assertThat(xml).contains("<note>hi</note><dm:person id=\"person\"><rpid:activities><rpid:busy/>"
                + "</rpid:activities></dm:person></presence>");
    }

    @Test
    void escapesMarkupInTextAndAttributes() {
        PidfDocument document = new PidfDocument("sip:a&b@c", List.of(), List.of(PidfNote.of("<b>&\"'</b>")),
                List.of());

        String xml = writer.write(document);

        assertThat(xml).contains("entity=\"sip:a&amp;b@c\"").contains("<note>&lt;b&gt;&amp;");
        assertThat(reader.read(xml).orElseThrow()).isEqualTo(document);
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("empty", PidfDocument.of("sip:a@b", List.of())),
                Arguments.of("bare closed tuple", PidfDocument.of("sip:a@b",
                        List.of(PidfTuple.of("ID", BasicStatus.CLOSED)))),
                Arguments.of("tuple without basic", PidfDocument.of("sip:a@b", List.of(new PidfTuple("t",
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty())))),
                Arguments.of("every field", new PidfDocument("pres:juliet@example.com",
                        List.of(new PidfTuple("ID-balcony", Optional.of(BasicStatus.OPEN),
                                        Optional.of(JabberShow.DND),
                                        Optional.of(new PidfContact("sip:juliet@example.com;gr=balcony",
                                                Optional.of(new BigDecimal("0.992")))),
                                        List.of(PidfNote.of("Busy"), PidfNote.of("Occupée", "fr")),
                                        Optional.of(Instant.parse("2024-05-01T10:15:30Z"))),
                                new PidfTuple("ID-phone", Optional.of(BasicStatus.CLOSED), Optional.empty(),
                                        Optional.of(new PidfContact("sip:juliet@example.com;gr=phone",
                                                Optional.of(BigDecimal.ONE))),
                                        List.of(), Optional.empty())),
                        List.of(PidfNote.of("document", "en")),
                        List.of(new PidfPerson("person", List.of(Activity.MEETING, Activity.ON_THE_PHONE),
                                List.of(PidfNote.of("on a call")), Optional.of(Instant.parse("2024-05-01T10:00:00Z")))))),
                Arguments.of("every activity", new PidfDocument("sip:a@b", List.of(), List.of(),
                        List.of(PidfPerson.of("p", Arrays.asList(Activity.values()))))),
                Arguments.of("every show", PidfDocument.of("sip:a@b", Arrays.stream(JabberShow.values())
                        .map(show -> new PidfTuple("ID-" + show.wire(), Optional.of(BasicStatus.OPEN),
                                Optional.of(show), Optional.empty(), List.of(), Optional.empty()))
                        .toList())),
                Arguments.of("non-ASCII and whitespace in notes", PidfDocument.of("sip:a@b", List.of(
                        new PidfTuple("ID-x", Optional.of(BasicStatus.OPEN), Optional.empty(), Optional.empty(),
                                List.of(PidfNote.of("  日本語 \u00e9\uD83D\uDE00  ", "ja")), Optional.empty())))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void roundTripsThroughTheReader(String name, PidfDocument document) {
        assertThat(reader.read(writer.write(document)).orElseThrow()).isEqualTo(document);
    }
}
