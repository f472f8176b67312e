package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.MsCategories;

/** The availability bands documented for OCS 2007 and Lync 2010/2013, each checked at both ends. */
class MsAvailabilityTest {

    @ParameterizedTest(name = "{0}–{1}: {2} -> {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            0     | 0          | NONE           | UNAVAILABLE | ABSENT
            1     | 4499       | ONLINE         | AVAILABLE   | ABSENT
            4500  | 5999       | IDLE_ONLINE    | AVAILABLE   | AWAY
            6000  | 7499       | BUSY           | AVAILABLE   | DND
            7500  | 8999       | IDLE_BUSY      | AVAILABLE   | DND
            9000  | 11999      | DO_NOT_DISTURB | AVAILABLE   | DND
            12000 | 14999      | BE_RIGHT_BACK  | AVAILABLE   | AWAY
            15000 | 17999      | AWAY           | AVAILABLE   | XA
            18000 | 4294967295 | OFFLINE        | UNAVAILABLE | ABSENT
            """)
    void mapsEachBandAtBothEnds(long low, long high, MsAvailability band, PresenceType type, Show show) {
        assertThat(MsAvailability.of(low)).contains(band);
        assertThat(MsAvailability.of(high)).contains(band);
        assertThat(band.low()).isEqualTo(low);
        assertThat(band.high()).isEqualTo(high);
        assertThat(band.type()).isEqualTo(type);
        assertThat(band.show()).isEqualTo(show);
    }

    @ParameterizedTest
    @CsvSource({"3000,ONLINE", "3500,ONLINE", "6500,BUSY", "9500,DO_NOT_DISTURB", "12500,BE_RIGHT_BACK",
            "15500,AWAY", "18500,OFFLINE"})
    void mapsTheValuesMicrosoftClientsPublish(long availability, MsAvailability band) {
        assertThat(MsAvailability.of(availability)).contains(band);
    }

    @ParameterizedTest
    @EnumSource(MsAvailability.class)
    void writesATypicalNumberInsideEachBand(MsAvailability band) {
        assertThat(MsAvailability.of(band.typical())).contains(band);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 4294967296L})
    void hasNoBandOutsideUnsignedInt(long availability) {
        assertThat(MsAvailability.of(availability)).isEmpty();
    }

    @Test
    void mapsCategoriesToOnePresenceFromTheBareJid() {
        MsCategoriesToXmpp mapper = new MsCategoriesToXmpp(
                new AddressMapper(Set.of("contoso.test"), Set.of("contoso.test")));
        XmppAddress watcher = XmppAddress.of("alice", "jabber.test").withResource("laptop");
        SipAddress bob = SipAddress.of("bob", "contoso.test").withGruu("opaque");

        XmppPresence busy = mapper.toXmpp(bob, watcher,
                new MsCategories("sip:bob@contoso.test", OptionalLong.of(6500), Optional.of("On a call")))
                .orElseThrow();
        XmppPresence unknown = mapper.toXmpp(bob, watcher,
                new MsCategories("sip:bob@contoso.test", OptionalLong.empty(), Optional.empty())).orElseThrow();

        XmppAddress bobJid = XmppAddress.of("bob", "contoso.test");
        assertThat(busy).isEqualTo(XmppPresence.available(bobJid, watcher).withShow(Show.DND)
                .withStatuses(List.of(StatusText.of("On a call"))));
        assertThat(unknown).isEqualTo(XmppPresence.unavailable(bobJid, watcher));
    }
}
