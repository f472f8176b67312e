package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.pidf.Activity;
import org.parley.mapper.pidf.BasicStatus;
import org.parley.mapper.pidf.JabberShow;
import org.parley.mapper.pidf.PidfContact;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfNote;
import org.parley.mapper.pidf.PidfPerson;
import org.parley.mapper.pidf.PidfTuple;

/** RFC 8048 §6.2: the gateway serves example.net (SIP users), juliet is on the remote XMPP domain example.com. */
class XmppToPidfTest {

    private static final XmppAddress JULIET = XmppAddress.of("juliet", "example.com");
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "example.net");

    private final XmppToPidf mapper = new XmppToPidf(
            new AddressMapper(Set.of("example.net"), Set.of("example.net")));

    @Test
    void mapsRfc8048Example18ToExample19WithContactAndActivity() {
        XmppPresence presence = XmppPresence.available(JULIET.withResource("yn0cl4bnw0yr3vym"), ROMEO)
                .withShow(Show.AWAY);

        PidfDocument document = mapper.toPidf(presence).orElseThrow();

        assertThat(document).isEqualTo(new PidfDocument("sip:juliet@example.com",
                List.of(new PidfTuple("ID-yn0cl4bnw0yr3vym", Optional.of(BasicStatus.OPEN),
                        Optional.of(JabberShow.AWAY),
                        Optional.of(new PidfContact("sip:juliet@example.com;gr=yn0cl4bnw0yr3vym",
                                Optional.of(new BigDecimal("0.000")))),
                        List.of(), Optional.empty())),
                List.of(),
                List.of(PidfPerson.of("person", List.of(Activity.AWAY)))));
    }

    @ParameterizedTest
    @EnumSource(Show.class)
    void carriesEveryShowAsEmbeddedShowAndItsTableActivity(Show show) {
        PidfDocument document = mapper.toPidf(XmppPresence.available(JULIET.withResource("r"), ROMEO)
                .withShow(show)).orElseThrow();

        assertThat(document.tuples().get(0).show()).isEqualTo(show.toPidf());
        assertThat(document.persons().stream().flatMap(p -> p.activities().stream()).toList())
                .isEqualTo(ShowActivityTable.activityFor(show).stream().toList());
    }

    @Test
    void mapsUnavailableToClosedWithStatusesAndNoPriority() {
        XmppPresence presence = XmppPresence.unavailable(JULIET.withResource("balcony"), ROMEO)
                .withStatuses(List.of(StatusText.of("Gone to bed"), StatusText.of("Au lit", "fr")));

        PidfTuple tuple = mapper.toPidf(presence).orElseThrow().tuples().get(0);

        assertThat(tuple.basic()).contains(BasicStatus.CLOSED);
        assertThat(tuple.notes()).containsExactly(PidfNote.of("Gone to bed"), PidfNote.of("Au lit", "fr"));
        assertThat(tuple.contact().orElseThrow().priority()).isEmpty();
    }

    @Test
    void scalesPriorityAndLeavesNegativePriorityOut() {
        XmppPresence positive = XmppPresence.available(JULIET.withResource("a"), ROMEO).withPriority(127);
        XmppPresence negative = XmppPresence.available(JULIET.withResource("b"), ROMEO).withPriority(-1);

        assertThat(mapper.toPidf(positive).orElseThrow().tuples().get(0).contact().orElseThrow().priority())
                .contains(new BigDecimal("1.000"));
        assertThat(mapper.toPidf(negative).orElseThrow().tuples().get(0).contact().orElseThrow().priority())
                .isEmpty();
    }

    @Test
    void mapsEveryResourceToATupleAndThePersonToTheMostAvailable() {
        List<XmppPresence> resources = List.of(
                XmppPresence.available(JULIET.withResource("desk"), ROMEO).withShow(Show.DND),
                XmppPresence.available(JULIET.withResource("phone"), ROMEO).withShow(Show.AWAY),
                XmppPresence.unavailable(JULIET.withResource("tablet"), ROMEO));

        PidfDocument document = mapper.toPidf(JULIET, resources).orElseThrow();

        assertThat(document.tuples()).extracting(PidfTuple::id).containsExactly("ID-desk", "ID-phone", "ID-tablet");
        assertThat(document.tuples()).extracting(t -> t.basic().orElseThrow())
                .containsExactly(BasicStatus.OPEN, BasicStatus.OPEN, BasicStatus.CLOSED);
        assertThat(document.persons()).containsExactly(PidfPerson.of("person", List.of(Activity.AWAY)));
    }

    @Test
    void mapsNoResourcesToOneClosedTupleForTheBareJid() {
        PidfDocument document = mapper.toPidf(JULIET, List.of()).orElseThrow();

        assertThat(document.tuples()).containsExactly(PidfTuple.of("ID", BasicStatus.CLOSED));
        assertThat(document.persons()).isEmpty();
    }

    @Test
    void mapsPresenceFromABareJidToTheBareTuple() {
        PidfDocument document = mapper.toPidf(XmppPresence.unavailable(JULIET, ROMEO)).orElseThrow();

        assertThat(document.tuples().get(0).id()).isEqualTo("ID");
        assertThat(document.tuples().get(0).contact().orElseThrow().uri()).isEqualTo("sip:juliet@example.com");
    }

    @Test
    void rejectsASenderFromALocalDomainAsForbidden() {
        XmppPresence spoofed = XmppPresence.available(XmppAddress.of("mallory", "example.net"), ROMEO);

        MappingResult<PidfDocument> result = mapper.toPidf(spoofed);

        assertThat(((MappingResult.Rejected<PidfDocument>) result).rejection().condition())
                .isEqualTo(StanzaErrorCondition.FORBIDDEN);
    }

    @Test
    void refusesStanzasThatAreNotNotificationsOrNotFromTheUser() {
        assertThatThrownBy(() -> mapper.toPidf(XmppPresence.of(PresenceType.SUBSCRIBE, JULIET, ROMEO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mapper.toPidf(JULIET,
                List.of(XmppPresence.available(XmppAddress.of("nurse", "example.com"), ROMEO))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
