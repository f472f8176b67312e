package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <presence/>} ↔ the mapper's presence (RFC 6121 §4.7). */
class PresenceStanzasTest {

    @Test
    void readsShowStatusesAndPriorityOfAvailablePresence() {
        XmppPresence read = PresenceStanzas.read(Stanzas.parse("<presence from='bob@jabber.test/phone' "
                + "to='alice@contoso.test'><show>dnd</show><status>in a meeting</status>"
                + "<status xml:lang='de'>im Termin</status><status>second without lang</status>"
                + "<priority>200</priority></presence>")).orElseThrow();

        assertThat(read.type()).isEqualTo(PresenceType.AVAILABLE);
        assertThat(read.from()).isEqualTo(XmppAddress.of("bob", "jabber.test").withResource("phone"));
        assertThat(read.show()).isEqualTo(Show.DND);
        assertThat(read.statuses()).containsExactly(StatusText.of("in a meeting"), StatusText.of("im Termin", "de"));
        assertThat(read.priority()).isEqualTo(127);
    }

    @ParameterizedTest(name = "type {0}")
    @CsvSource({"subscribe,SUBSCRIBE", "subscribed,SUBSCRIBED", "unsubscribe,UNSUBSCRIBE",
            "unsubscribed,UNSUBSCRIBED", "probe,PROBE", "unavailable,UNAVAILABLE"})
    void readsEveryRoutedType(String wire, PresenceType type) {
        XmppPresence read = PresenceStanzas.read(Stanzas.parse("<presence from='bob@jabber.test' "
                + "to='alice@contoso.test' type='" + wire + "'/>")).orElseThrow();

        assertThat(read.type()).isEqualTo(type);
        assertThat(read.show()).isEqualTo(Show.ABSENT);
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(PresenceStanzas.read(Stanzas.parse("<presence from='bob@jabber.test' to='alice@contoso.test' "
                + "type='invisible'/>"))).isInstanceOf(MappingResult.Rejected.class);
    }

    @Test
    void writesWhatItReads() {
        XmppPresence presence = XmppPresence.available(XmppAddress.of("bob", "contoso.test").withResource("desk"),
                XmppAddress.of("alice", "jabber.test")).withShow(Show.AWAY)
                .withStatuses(List.of(StatusText.of("lunch", "en"))).withPriority(-5);

        var stanza = PresenceStanzas.write(presence).orElseThrow();

        assertThat(stanza.element().toXml()).contains("<show>away</show>").contains(">lunch</status>")
                .contains("<priority>-5</priority>");
        assertThat(PresenceStanzas.read(stanza).orElseThrow()).isEqualTo(presence);
    }

    @Test
    void writesSubscriptionTypes() {
        XmppPresence subscribed = XmppPresence.of(PresenceType.SUBSCRIBED, XmppAddress.of("bob", "contoso.test"),
                XmppAddress.of("alice", "jabber.test"));

        var stanza = PresenceStanzas.write(subscribed).orElseThrow();

        assertThat(stanza.type()).isEqualTo("subscribed");
        assertThat(stanza.element().toXml()).doesNotContain("<priority>");
    }
}
