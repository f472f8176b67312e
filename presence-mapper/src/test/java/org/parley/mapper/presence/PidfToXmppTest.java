package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.pidf.Activity;
import org.parley.mapper.pidf.BasicStatus;
import org.parley.mapper.pidf.JabberShow;
import org.parley.mapper.pidf.PidfContact;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfNote;
import org.parley.mapper.pidf.PidfPerson;
import org.parley.mapper.pidf.PidfReader;
import org.parley.mapper.pidf.PidfTuple;
import org.parley.mapper.pidf.PidfWriter;

/** RFC 8048 §6.3: the gateway serves example.net (romeo, a SIP user); juliet is on the remote example.com. */
class PidfToXmppTest {

    private static final SipAddress ROMEO_SIP = SipAddress.of("romeo", "example.net");
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "example.net");
    private static final XmppAddress JULIET = XmppAddress.of("juliet", "example.com").withResource("yn0cl4bnw0yr3vym");

    private final PidfToXmpp mapper = new PidfToXmpp(new AddressMapper(Set.of("example.net"), Set.of("example.net")));

    @Test
    void mapsRfc8048Example20ClosedTupleToUnavailable() {
        PidfDocument document = PidfDocument.of("pres:romeo@example.net",
                List.of(PidfTuple.of("ID-dr4hcr0st3lup4c", BasicStatus.CLOSED)));

        List<XmppPresence> presences = mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow();

        assertThat(presences).containsExactly(
                XmppPresence.unavailable(ROMEO.withResource("dr4hcr0st3lup4c"), JULIET));
    }

    @Test
    void mapsAnOpenTupleWithShowNotesAndPriority() {
        PidfDocument document = PidfDocument.of("sip:romeo@example.net", List.of(new PidfTuple("ID-desk",
                Optional.of(BasicStatus.OPEN), Optional.of(JabberShow.DND),
                Optional.of(new PidfContact("sip:romeo@example.net;gr=desk", Optional.of(new BigDecimal("0.5")))),
                List.of(PidfNote.of("Meeting"), PidfNote.of("Réunion", "fr"), PidfNote.of("again")),
                Optional.empty())));

        XmppPresence presence = mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow().get(0);

        assertThat(presence).isEqualTo(XmppPresence.available(ROMEO.withResource("desk"), JULIET)
                .withShow(Show.DND).withPriority(64)
                .withStatuses(List.of(StatusText.of("Meeting"), StatusText.of("Réunion", "fr"))));
    }

    @ParameterizedTest
    @EnumSource(value = Activity.class, names = {"ON_THE_PHONE", "VACATION", "LUNCH"})
    void takesTheShowFromPersonActivitiesWhenTheTupleHasNone(Activity activity) {
        PidfDocument document = new PidfDocument("sip:romeo@example.net",
                List.of(PidfTuple.of("t1", BasicStatus.OPEN)), List.of(),
                List.of(PidfPerson.of("p", List.of(activity))));

        XmppPresence presence = mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow().get(0);

        assertThat(presence.from()).isEqualTo(ROMEO.withResource("t1"));
        assertThat(Optional.of(presence.show())).isEqualTo(ShowActivityTable.showFor(List.of(activity)));
    }

    @Test
    void prefersTheEmbeddedShowOverActivities() {
        PidfDocument document = new PidfDocument("sip:romeo@example.net",
                List.of(new PidfTuple("ID-a", Optional.of(BasicStatus.OPEN), Optional.of(JabberShow.XA),
                        Optional.empty(), List.of(), Optional.empty())),
                List.of(), List.of(PidfPerson.of("p", List.of(Activity.AWAY))));

        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow().get(0).show()).isEqualTo(Show.XA);
    }

    @Test
    void fallsBackToPersonNotesThenDocumentNotesForStatus() {
        PidfTuple tuple = PidfTuple.of("ID-a", BasicStatus.OPEN);
        PidfDocument personNotes = new PidfDocument("e", List.of(tuple), List.of(PidfNote.of("doc")),
                List.of(new PidfPerson("p", List.of(), List.of(PidfNote.of("person")), Optional.empty())));
        PidfDocument documentNotes = new PidfDocument("e", List.of(tuple), List.of(PidfNote.of("doc")), List.of());

        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, personNotes).orElseThrow().get(0).statuses())
                .containsExactly(StatusText.of("person"));
        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, documentNotes).orElseThrow().get(0).statuses())
                .containsExactly(StatusText.of("doc"));
    }

    @Test
    void skipsTuplesWithoutBasicAndKeepsTheFirstTupleOfAResource() {
        PidfDocument document = PidfDocument.of("e", List.of(
                new PidfTuple("ID-x", Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                        Optional.empty()),
                PidfTuple.of("ID-a", BasicStatus.OPEN),
                PidfTuple.of("a", BasicStatus.CLOSED)));

        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow())
                .containsExactly(XmppPresence.available(ROMEO.withResource("a"), JULIET));
    }

    @Test
    void mapsADocumentWithoutUsableTuplesAndAMissingBodyToBareUnavailable() {
        PidfDocument empty = PidfDocument.of("sip:romeo@example.net", List.of());

        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, empty).orElseThrow())
                .containsExactly(XmppPresence.unavailable(ROMEO, JULIET));
        assertThat(mapper.withoutBody(ROMEO_SIP.withGruu("x"), JULIET).orElseThrow())
                .isEqualTo(XmppPresence.unavailable(ROMEO, JULIET));
    }

    @Test
    void usesTheBareJidWhenATupleIdCannotBeAResourcepart() {
        PidfDocument document = PidfDocument.of("e", List.of(PidfTuple.of("IDX-0a0b", BasicStatus.OPEN)));

        assertThat(mapper.toXmpp(ROMEO_SIP, JULIET, document).orElseThrow().get(0).from()).isEqualTo(ROMEO);
    }

    @Test
    void rejectsAPresentityOutsideTheLocalSipDomains() {
        MappingResult<List<XmppPresence>> result = mapper.toXmpp(SipAddress.of("eve", "elsewhere.test"), JULIET,
                PidfDocument.of("e", List.of()));

        assertThat(((MappingResult.Rejected<List<XmppPresence>>) result).rejection().condition())
                .isEqualTo(StanzaErrorCondition.FORBIDDEN);
    }

    /**
     * XMPP → PIDF text → XMPP across two gateways: one serving example.net writes juliet@example.com's presence,
     * the other serving example.com reads it as its SIP user's.
     */
    @ParameterizedTest
    @EnumSource(Show.class)
    void roundTripsPresenceThroughPidfTextBetweenTwoGateways(Show show) {
        XmppToPidf writerSide = new XmppToPidf(new AddressMapper(Set.of("example.net"), Set.of("example.net")));
        PidfToXmpp readerSide = new PidfToXmpp(new AddressMapper(Set.of("example.com"), Set.of("example.com")));
        XmppAddress juliet = XmppAddress.of("juliet", "example.com");
        XmppAddress watcher = XmppAddress.of("romeo", "example.net");
        List<XmppPresence> resources = List.of(
                XmppPresence.available(juliet.withResource("phone 1"), watcher).withShow(show).withPriority(42)
                        .withStatuses(List.of(StatusText.of("status <&>"), StatusText.of("statut", "fr"))),
                XmppPresence.unavailable(juliet.withResource("desk"), watcher)
                        .withStatuses(List.of(StatusText.of("bye"))));

        String body = new PidfWriter().write(writerSide.toPidf(juliet, resources).orElseThrow());
        PidfDocument read = new PidfReader().read(body).orElseThrow();

        assertThat(readerSide.toXmpp(SipAddress.of("juliet", "example.com"), watcher, read).orElseThrow())
                .isEqualTo(resources);
    }
}
