package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.parley.mapper.presence.XmppPresence;

class ShownResourceTest {

    private static final XmppAddress BOB = XmppAddress.of("bob", "contoso.test");
    private static final XmppAddress ALICE = XmppAddress.of("alice", "jabber.test");
    private static final XmppAddress CAROL = XmppAddress.of("carol", "jabber.test");

    @Test
    void aResourcesPresenceIsShownAgainToAnyoneWithItsValues() {
        XmppPresence away = XmppPresence.available(BOB.withResource("desk"), ALICE).withShow(Show.AWAY)
                .withStatuses(List.of(StatusText.of("at lunch"), StatusText.of("à table", "fr"))).withPriority(5);

        XmppPresence again = ShownResource.of(away).toStanza(BOB, CAROL);

        assertThat(again).isEqualTo(new XmppPresence(BOB.withResource("desk"), CAROL, away.type(), Show.AWAY,
                away.statuses(), 5, away.error()));
    }

    @Test
    void anEmptyStatusStaysAStatus() {
        XmppPresence blank = XmppPresence.available(BOB, ALICE).withStatuses(List.of(StatusText.of("")));

        assertThat(ShownResource.of(blank).toStanza(BOB, ALICE)).isEqualTo(blank);
    }

    @Test
    void theBareJidIsKeptAsTheEmptyResource() {
        ShownResource shown = ShownResource.of(XmppPresence.unavailable(BOB, ALICE));

        assertThat(shown.resource()).isEmpty();
        assertThat(shown.available()).isFalse();
        assertThat(shown.toStanza(BOB, ALICE)).isEqualTo(XmppPresence.unavailable(BOB, ALICE));
    }

    @Test
    void equalNamesAndTextsFromTwoNotifysAreHeldOnce() {
        ShownResource first = ShownResource.of(XmppPresence.available(BOB.withResource(new String("desk")), ALICE)
                .withStatuses(List.of(StatusText.of(new String("in a meeting")))));
        ShownResource second = ShownResource.of(XmppPresence.available(BOB.withResource(new String("desk")), CAROL)
                .withStatuses(List.of(StatusText.of(new String("in a meeting")))));

        assertThat(first.resource()).isSameAs(second.resource());
        assertThat(first.status()).isEqualTo("in a meeting").isSameAs(second.status());
        assertThat(first.statuses()).isEmpty();
    }
}
