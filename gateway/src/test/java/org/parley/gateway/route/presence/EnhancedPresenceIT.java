package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.MsCategoriesReader;
import org.parley.mapper.presence.MsAvailability;
import org.parley.mapper.presence.XmppToMsCategories;
import org.parley.testkit.SippAgent;

/**
 * Microsoft enhanced presence on the wire ([MS-PRES]) through the packaged gateway, both ways. In: alice in Prosody
 * (Smack) subscribes to a SIP user whose presence, behind a real Kamailio edge over mutual TLS, is played by sipp as
 * a Lync edge would send it: the SUBSCRIBE must accept {@code application/msrtc-event-categories+xml}, and the
 * NOTIFY's {@code <categories>} body (availability 6500, busy, with a personal note) reaches alice as {@code dnd}
 * with the note as status. Out: a sipp watcher that, like a Lync client, accepts only enhanced presence subscribes
 * to alice through the edge and gets each of her shows as a {@code <categories>} NOTIFY with the availability
 * number of its band. The second test ends with alice unavailable, so the tests run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnhancedPresenceIT {

    private static final Duration WAIT = ImPeers.WAIT;

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    @Order(1)
    void aliceSeesABusyLyncUserAsDndWithHisNoteFromTheCategoriesNotify() throws Exception {
        EntityBareJid erin = JidCreate.entityBareFrom("erin@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        try (SippAgent presenceServer = peers.userAgent(getClass().getResource("sipp/uas_presence_msrtc.xml"),
                Map.of("AVAILABILITY", "6500", "NOTE", "In a call"), 1, WAIT)) {
            AliceSends.presence(peers, Presence.Type.subscribe, erin);

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            assertThat(presenceServer.messageTrace())
                    .contains("SUBSCRIBE sip:erin@contoso.test SIP/2.0")
                    .containsPattern("Accept: application/pidf\\+xml, ?application/msrtc-event-categories\\+xml");
        }

        Await.until(WAIT, "erin available at alice", () -> roster.getPresence(erin).isAvailable());
        Presence presence = roster.getPresence(erin);
        assertThat(presence.getFrom().toString()).isEqualTo("erin@contoso.test");
        assertThat(presence.getMode()).isEqualTo(Presence.Mode.dnd);
        assertThat(presence.getStatus()).isEqualTo("In a call");
    }

    @Test
    @Order(2)
    void aWatcherAcceptingOnlyEnhancedPresenceGetsEachOfAlicesShowsAsItsAvailabilityNumber() throws Exception {
        EntityBareJid dave = JidCreate.entityBareFrom("dave@" + ImPeers.LOCAL);
        Roster.getInstanceFor(peers.alice()).setSubscriptionMode(Roster.SubscriptionMode.manual);
        List<ShowsAs> changes = List.of(
                new ShowsAs(Optional.of(Presence.Mode.chat), "ready to talk", MsAvailability.ONLINE),
                new ShowsAs(Optional.of(Presence.Mode.away), "back at two", MsAvailability.BE_RIGHT_BACK),
                new ShowsAs(Optional.of(Presence.Mode.xa), "on holiday", MsAvailability.AWAY),
                new ShowsAs(Optional.of(Presence.Mode.dnd), "in a meeting", MsAvailability.DO_NOT_DISTURB),
                new ShowsAs(Optional.empty(), "gone home", MsAvailability.OFFLINE));
        ShowsAs last = changes.get(changes.size() - 1);
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(dave), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = peers.sipUser(getClass().getResource("sipp/uac_watcher_msrtc.xml"), "dave",
                             "alice", ImPeers.JABBER)
                     .substitute("AVAILABILITY", Long.toString(last.band().typical()))
                     .substitute("NOTE", last.status()).calls(1).timeLimit(WAIT.multipliedBy(3))
                     .callTo(peers.edge().tcpAddress())) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("dave's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();
            sendAndAwaitNotify(watcher, "dave", peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.subscribed).to(dave).build(), notify -> notify.state().startsWith("active"));

            for (ShowsAs change : changes) {
                sendAndAwaitNotify(watcher, "dave", change.stanza(peers), notify -> notify.body().contains(
                        "<availability>" + change.band().typical() + "</availability>")
                        && notify.body().contains(">" + change.status() + "</body>"));
            }

            assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + peers.logs()).hasValue(0);
            List<String> notifies = SippTrace.received(watcher.messageTrace(), "NOTIFY");
            assertThat(notifies).as("every NOTIFY with a body is enhanced presence").allSatisfy(notify ->
                    assertThat(notify).doesNotContainPattern("(?i)content-type:\\s*application/pidf"));
            for (ShowsAs change : changes) {
                assertThat(notifies).as("a NOTIFY for " + change).anySatisfy(change::assertMappedIn);
            }
        }
    }

    /**
     * Sends {@code stanza} as alice and waits until the edge relays a {@code wanted} NOTIFY to {@code watcher},
     * played by {@code agent}.
     */
    private void sendAndAwaitNotify(SippAgent agent, String watcher, Presence stanza,
                                    Predicate<EdgePresenceLog.RelayedNotify> wanted)
            throws SmackException.NotConnectedException, InterruptedException {
        int before = EdgePresenceLog.notifiesTo(peers.edge().log(), watcher).size();
        peers.alice().sendStanza(stanza);
        try {
            Await.until(WAIT, "a NOTIFY to " + watcher + " after " + stanza.toXML(), () -> EdgePresenceLog
                    .notifiesTo(peers.edge().log(), watcher).stream().skip(before).anyMatch(wanted));
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n--- " + watcher + "\n" + agent.log() + peers.logs(),
                    timedOut);
        }
    }

    /**
     * One presence alice sends (a show, or unavailable, with a status) and the enhanced presence band a watcher must
     * be told ({@link XmppToMsCategories}): the band's typical availability number and the status as personal note,
     * read back with the gateway's own reader of Microsoft bodies.
     */
    private record ShowsAs(Optional<Presence.Mode> mode, String status, MsAvailability band) {

        Presence stanza(ImPeers peers) {
            var builder = peers.alice().getStanzaFactory().buildPresenceStanza().setStatus(status);
            mode.ifPresentOrElse(builder::setMode, () -> builder.ofType(Presence.Type.unavailable));
            return builder.build();
        }

        void assertMappedIn(String notify) {
            assertThat(SippTrace.header(notify, "Content-Type"))
                    .matches(Pattern.quote(MsCategories.MEDIA_TYPE) + "(\\s*;.*)?");
            String body = notify.split("\\r?\\n\\r?\\n", 2)[1].strip();
            MsCategories categories = new MsCategoriesReader().read(body).orElseThrow();
            assertThat(categories.uri()).isEqualTo("sip:alice@" + ImPeers.JABBER);
            assertThat(categories.availability()).hasValue(band.typical());
            assertThat(MsAvailability.of(categories.availability().getAsLong())).contains(band);
            assertThat(categories.note()).contains(status);
        }

        @Override
        public String toString() {
            return mode.map(Presence.Mode::toString).orElse("unavailable") + " '" + status + "' as " + band;
        }
    }
}
