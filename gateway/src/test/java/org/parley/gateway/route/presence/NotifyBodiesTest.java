package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.gateway.route.RouteFixtures;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SipBody;

/** NOTIFY bodies read by their Content-Type: PIDF, Microsoft enhanced presence, none, or refused. */
class NotifyBodiesTest {

    static final String MS_CATEGORIES = "application/msrtc-event-categories+xml";

    private static final SipAddress BOB = SipAddress.of("bob", "contoso.test");
    private static final XmppAddress ALICE = XmppAddress.of("alice", "jabber.test");

    private final NotifyBodies bodies = new NotifyBodies(RouteFixtures.addresses());

    /** A categories body with an aggregate state of {@code availability} and a personal note. */
    static String categories(long availability, String note) {
        return "<categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories' uri='sip:bob@contoso.test'>"
                + "<category name='state' instance='1'><state xmlns='http://schemas.microsoft.com/2006/09/sip/state'"
                + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:type='aggregateState'>"
                + "<availability>" + availability + "</availability></state></category>"
                + "<category name='note' instance='0'><note xmlns='http://schemas.microsoft.com/2006/09/sip/note'>"
                + "<body type='personal' uri=''>" + note + "</body></note></category></categories>";
    }

    @ParameterizedTest(name = "availability {0} -> {1} {2}")
    @CsvSource({
            "3500,  AVAILABLE,   ABSENT",
            "6500,  AVAILABLE,   DND",
            "9500,  AVAILABLE,   DND",
            "12500, AVAILABLE,   AWAY",
            "15500, AVAILABLE,   XA",
            "18500, UNAVAILABLE, ABSENT"})
    void mapsMicrosoftCategoriesByTheirAvailabilityBand(long availability, PresenceType type, Show show) {
        List<XmppPresence> presences = bodies.toXmpp(BOB, ALICE,
                Optional.of(SipBody.text(MS_CATEGORIES, categories(availability, "In a meeting")))).orElseThrow();

        assertThat(presences).singleElement().satisfies(presence -> {
            assertThat(presence.from().toString()).isEqualTo("bob@contoso.test");
            assertThat(presence.to()).isEqualTo(ALICE);
            assertThat(presence.type()).isEqualTo(type);
            assertThat(presence.show()).isEqualTo(show);
            assertThat(presence.statuses()).containsExactly(StatusText.of("In a meeting"));
        });
    }

    @Test
    void readsTheMediaTypeWithoutItsParametersAndCaseInsensitively() {
        List<XmppPresence> presences = bodies.toXmpp(BOB, ALICE, Optional.of(SipBody.text(
                "Application/MSRTC-Event-Categories+XML; charset=UTF-8", categories(6500, "busy")))).orElseThrow();

        assertThat(presences).singleElement().extracting(XmppPresence::show).isEqualTo(Show.DND);
    }

    @Test
    void mapsPidfPerTuple() {
        List<XmppPresence> presences = bodies.toXmpp(BOB, ALICE, Optional.of(SipBody.text(
                "application/pidf+xml;charset=UTF-8", SipPresentitiesTest.PIDF_AWAY))).orElseThrow();

        assertThat(presences).singleElement().satisfies(presence -> {
            assertThat(presence.from().toString()).isEqualTo("bob@contoso.test/desk");
            assertThat(presence.show()).isEqualTo(Show.AWAY);
            assertThat(presence.statuses()).containsExactly(StatusText.of("back at two"));
        });
    }

    @Test
    void aNotifyWithoutBodyIsUnavailable() {
        assertThat(bodies.toXmpp(BOB, ALICE, Optional.empty()).orElseThrow()).singleElement()
                .extracting(XmppPresence::type).isEqualTo(PresenceType.UNAVAILABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xpidf+xml", "text/plain", "application/rlmi+xml", "not a type"})
    void refusesOtherBodyTypes(String type) {
        MappingResult<List<XmppPresence>> mapped = bodies.toXmpp(BOB, ALICE,
                Optional.of(SipBody.text(type, SipPresentitiesTest.PIDF_AWAY)));

        assertThat(mapped).isInstanceOfSatisfying(MappingResult.Rejected.class,
                rejected -> assertThat(rejected.rejection().reason()).contains("unsupported").contains(type));
    }

    @Test
    void refusesAMalformedCategoriesBody() {
        assertThat(bodies.toXmpp(BOB, ALICE, Optional.of(SipBody.text(MS_CATEGORIES, "<categories"))).isMapped())
                .isFalse();
    }
}
