package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.MsCategoriesReader;
import org.parley.mapper.pidf.MsCategoriesWriter;

/** XMPP presence of juliet@example.com → enhanced presence for a SIP watcher at example.net, and back. */
class XmppToMsCategoriesTest {

    private static final XmppAddress JULIET = XmppAddress.of("juliet", "example.com");
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "example.net");
    private static final AddressMapper ADDRESSES = new AddressMapper(Set.of("example.net"), Set.of("example.net"));

    private final XmppToMsCategories mapper = new XmppToMsCategories(ADDRESSES);

    @ParameterizedTest(name = "{0} -> {1} ({2}), read back as {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            CHAT   | ONLINE         | 3500  | AVAILABLE | ABSENT
            ABSENT | ONLINE         | 3500  | AVAILABLE | ABSENT
            AWAY   | BE_RIGHT_BACK  | 12500 | AVAILABLE | AWAY
            XA     | AWAY           | 15500 | AVAILABLE | XA
            DND    | DO_NOT_DISTURB | 9500  | AVAILABLE | DND
            """)
    void writesEachShowInItsBandAndReadsItBackInTheSameBand(Show show, MsAvailability band, long availability,
                                                            PresenceType readType, Show readShow) {
        XmppPresence presence = XmppPresence.available(JULIET.withResource("desk"), ROMEO).withShow(show)
                .withStatuses(List.of(StatusText.of("status of " + show)));

        MsCategories categories = mapper.toCategories(JULIET, List.of(presence)).orElseThrow();
        XmppPresence readBack = roundTrip(categories);

        assertThat(XmppToMsCategories.bandFor(show)).isEqualTo(band);
        assertThat(categories).isEqualTo(new MsCategories("sip:juliet@example.com", OptionalLong.of(availability),
                Optional.of("status of " + show)));
        assertThat(MsAvailability.of(categories.availability().getAsLong())).contains(band);
        assertThat(readBack.type()).isEqualTo(readType);
        assertThat(readBack.show()).isEqualTo(readShow);
        assertThat(readBack.statuses()).containsExactly(StatusText.of("status of " + show));
    }

    @Test
    void writesOfflineWithTheStatusOfAnUnavailableUser() {
        XmppPresence gone = XmppPresence.unavailable(JULIET.withResource("desk"), ROMEO)
                .withStatuses(List.of(StatusText.of("gone home")));

        MsCategories categories = mapper.toCategories(JULIET, List.of(gone)).orElseThrow();

        assertThat(categories).isEqualTo(new MsCategories("sip:juliet@example.com",
                OptionalLong.of(MsAvailability.OFFLINE.typical()), Optional.of("gone home")));
        assertThat(roundTrip(categories).type()).isEqualTo(PresenceType.UNAVAILABLE);
    }

    @Test
    void writesOfflineWithoutNoteWhenNoResourceIsKnown() {
        assertThat(mapper.toCategories(JULIET.withResource("any"), List.of()).orElseThrow())
                .isEqualTo(new MsCategories("sip:juliet@example.com", OptionalLong.of(18500), Optional.empty()));
    }

    @Test
    void aggregatesResourcesToTheMostAvailableOneAndItsStatus() {
        XmppPresence phone = XmppPresence.available(JULIET.withResource("phone"), ROMEO).withShow(Show.XA)
                .withStatuses(List.of(StatusText.of("asleep")));
        XmppPresence desk = XmppPresence.available(JULIET.withResource("desk"), ROMEO).withShow(Show.AWAY)
                .withStatuses(List.of(StatusText.of("weg", "de"), StatusText.of("back soon")));
        XmppPresence laptop = XmppPresence.unavailable(JULIET.withResource("laptop"), ROMEO)
                .withStatuses(List.of(StatusText.of("closed the lid")));

        MsCategories categories = mapper.toCategories(JULIET, List.of(phone, laptop, desk)).orElseThrow();

        assertThat(categories.availability()).hasValue(MsAvailability.BE_RIGHT_BACK.typical());
        assertThat(categories.note()).contains("back soon");
    }

    @Test
    void breaksATieBetweenEqualShowsByPriority() {
        XmppPresence low = XmppPresence.available(JULIET.withResource("a"), ROMEO).withShow(Show.DND)
                .withStatuses(List.of(StatusText.of("low"))).withPriority(1);
        XmppPresence high = XmppPresence.available(JULIET.withResource("b"), ROMEO).withShow(Show.DND)
                .withStatuses(List.of(StatusText.of("high"))).withPriority(5);

        assertThat(mapper.toCategories(JULIET, List.of(low, high)).orElseThrow().note()).contains("high");
    }

    @Test
    void leavesABlankStatusOut() {
        XmppPresence blank = XmppPresence.available(JULIET.withResource("a"), ROMEO)
                .withStatuses(List.of(StatusText.of("  ")));

        assertThat(mapper.toCategories(JULIET, List.of(blank)).orElseThrow().note()).isEmpty();
    }

    @Test
    void refusesPresenceFromAnotherUserAsAProgrammerError() {
        XmppPresence other = XmppPresence.available(XmppAddress.of("nurse", "example.com").withResource("r"), ROMEO);

        assertThatThrownBy(() -> mapper.toCategories(JULIET, List.of(other)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Written, read with the inbound reader and mapped with the inbound mapper, as a Microsoft peer would see it. */
    private static XmppPresence roundTrip(MsCategories categories) {
        MsCategories read = new MsCategoriesReader().read(new MsCategoriesWriter().write(categories)).orElseThrow();
        assertThat(read).isEqualTo(categories);
        AddressMapper remote = new AddressMapper(Set.of("example.com"), Set.of("example.com"));
        return new MsCategoriesToXmpp(remote).toXmpp(SipAddress.parse(read.uri()).orElseThrow(), ROMEO, read)
                .orElseThrow();
    }
}
