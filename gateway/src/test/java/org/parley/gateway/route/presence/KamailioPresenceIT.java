package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.route.presence.SippTrace.header;
import static org.parley.gateway.route.presence.SippTrace.tag;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.parley.gateway.testsupport.StoreProbe;
import org.parley.testkit.KamailioPresence;
import org.parley.testkit.SippAgent;

/**
 * Presence end to end with Kamailio's presence modules as the SIP users' presence server (RFC 8048, RFC 3856,
 * RFC 3903, RFC 6665): SIP users publish and watch through sipp behind the real Kamailio edge (mutual TLS to the
 * packaged gateway), alice uses Prosody through Smack. Kamailio grants at most {@link #GRANTED}, so the gateway's
 * refreshes are observed in seconds; erin's presence server is a sipp that answers a refresh with 481. The tests
 * share one set of peers and run in order; the last one kills the gateway with SIGKILL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KamailioPresenceIT {

    private static final Duration WAIT = ImPeers.WAIT;
    /** Kamailio's max_expires: the longest subscription or publication it grants. */
    private static final Duration GRANTED = Duration.ofSeconds(10);
    /** How often the sipp publishers refresh their publication (well inside {@link #GRANTED}). */
    private static final Duration PUBLISH_REFRESH = Duration.ofSeconds(4);
    private static final Duration PUBLISHER_LIFETIME = Duration.ofMinutes(4);
    private static final String ALICE_SIP = "sip:alice@" + ImPeers.JABBER;
    private static final String BOB_SIP = "sip:bob@" + ImPeers.LOCAL;

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.startWithPresenceServer(dir,
            ImPeers.Options.forTests(64), new KamailioPresence(GRANTED, List.of("erin"))));

    @ImPeersExtension.Peers
    private ImPeers peers;
    private final List<SippAgent> publishers = new ArrayList<>();
    private EntityBareJid bob;
    private Roster roster;

    @BeforeAll
    void meetBob() throws Exception {
        bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        roster = Roster.getInstanceFor(peers.alice());
    }

    @AfterAll
    void stopPublishers() {
        publishers.forEach(SippAgent::close);
    }

    @Test
    @Order(1)
    void aliceAddsBobAndSeesThePresenceHePublishedToKamailio() throws Exception {
        publish("bob", "lunch", "back at two");

        AliceSends.presence(peers, Presence.Type.subscribe, bob);

        awaitFailingWithLogs("alice subscribed to bob's presence", () -> {
            RosterEntry entry = roster.getEntry(bob);
            return entry != null && (entry.getType() == RosterPacket.ItemType.to
                    || entry.getType() == RosterPacket.ItemType.both);
        });
        awaitFailingWithLogs("bob away at lunch for alice", () -> {
            Presence presence = roster.getPresence(bob);
            return presence.isAvailable() && "back at two".equals(presence.getStatus());
        });
        Presence presence = roster.getPresence(bob);
        assertThat(presence.getMode()).as("RPID lunch read as away").isEqualTo(Presence.Mode.away);
        assertThat(presence.getFrom().toString()).isEqualTo("bob@contoso.test/phone");
        assertThat(EdgePresenceLog.subscribes(peers.edge().log(), BOB_SIP, ALICE_SIP))
                .as("the gateway's SUBSCRIBE handled by Kamailio's presence server").isNotEmpty()
                .first().satisfies(first -> assertThat(first.inDialog()).isFalse());
        assertThat(peers.edge().log()).containsPattern("presence NOTIFY to alice@jabber\\.test .* answered \\[200]");
    }

    @Test
    @Order(2)
    void theGatewayRefreshesBeforeKamailiosShortExpiryAndBobStaysAvailable() throws Exception {
        String callId = EdgePresenceLog.subscribes(peers.edge().log(), BOB_SIP, ALICE_SIP).get(0).callId();
        List<Instant> refreshesSeen = new ArrayList<>();
        try (StanzaCollector bobsPresence = peers.alice().createStanzaCollector(new AndFilter(
                StanzaTypeFilter.PRESENCE, FromMatchesFilter.createBare(bob)))) {
            awaitFailingWithLogs("three refreshes of alice's subscription to bob in its dialog", () -> {
                long refreshes = EdgePresenceLog.subscribes(peers.edge().log(), BOB_SIP, ALICE_SIP).stream()
                        .filter(s -> s.callId().equals(callId) && s.inDialog()).count();
                while (refreshesSeen.size() < refreshes) {
                    refreshesSeen.add(Instant.now());
                }
                return refreshes >= 3;
            });

            // three refreshes in the first dialog: its first grant of GRANTED has long run out
            assertThat(roster.getPresence(bob).isAvailable()).as("bob still available for alice").isTrue();
            assertThat(roster.getPresence(bob).getStatus()).isEqualTo("back at two");
            Presence seen;
            while ((seen = bobsPresence.pollResult()) != null) {
                assertThat(seen.getType()).as("bob never offline for alice meanwhile: " + seen.toXML() + "\n"
                        + peers.logs())
                        .isEqualTo(Presence.Type.available);
            }
        }
        for (int i = 1; i < refreshesSeen.size(); i++) {
            assertThat(Duration.between(refreshesSeen.get(i - 1), refreshesSeen.get(i)))
                    .as("refresh %d came before the previous grant of %s ran out", i + 1, GRANTED)
                    .isLessThan(GRANTED);
        }
    }

    @Test
    @Order(3)
    void aSipWatcherThroughKamailioReceivesEachOfAlicesShowsAsPidf() throws Exception {
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + ImPeers.LOCAL);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        List<AliceShows> changes = List.of(
                AliceShows.available(Presence.Mode.chat, "ready to talk", Optional.empty()),
                AliceShows.available(Presence.Mode.away, "back at two", Optional.of("away")),
                AliceShows.available(Presence.Mode.xa, "on holiday", Optional.of("away")),
                AliceShows.available(Presence.Mode.dnd, "in a meeting", Optional.of("busy")),
                AliceShows.unavailable("gone home"));
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(carol), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = watcher("carol", "gone home")) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("carol's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();
            sendAndAwaitNotify("carol", peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.subscribed).to(carol).build(), active());

            for (AliceShows change : changes) {
                sendAndAwaitNotify("carol", change.stanza(peers), withNote(change.status()));
            }

            assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + peers.logs()).hasValue(0);
            List<String> notifies = SippTrace.received(watcher.messageTrace(), "NOTIFY");
            for (AliceShows change : changes) {
                assertThat(notifies).as("a NOTIFY for " + change).anySatisfy(change::assertMappedIn);
            }
        }
    }

    @Test
    @Order(4)
    void aRefreshAnswered481MakesANewSubscriptionAndAliceStillSeesErin() throws Exception {
        EntityBareJid erin = JidCreate.entityBareFrom("erin@" + ImPeers.LOCAL);
        peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza().build()); // back online
        URL scenario = getClass().getResource("sipp/uas_presence_481.xml");
        try (SippAgent presenceServer = peers.userAgent(scenario,
                Map.of("SHOW", "chat", "NOTE", "first dialog", "NOTE_AGAIN", "second dialog"), 2, WAIT)) {
            AliceSends.presence(peers, Presence.Type.subscribe, erin);

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            List<String> subscribes = SippTrace.received(presenceServer.messageTrace(), "SUBSCRIBE");
            assertThat(subscribes).as(presenceServer.messageTrace()).hasSize(3);
            assertThat(subscribes.get(0)).startsWith("SUBSCRIBE sip:erin@contoso.test SIP/2.0");
            assertThat(header(subscribes.get(1), "Call-ID")).as("the refresh is in the first dialog")
                    .isEqualTo(header(subscribes.get(0), "Call-ID"));
            assertThat(header(subscribes.get(1), "To")).contains(";tag=");
            assertThat(subscribes.get(2)).as("after the 481, a new SUBSCRIBE out of any dialog")
                    .startsWith("SUBSCRIBE sip:erin@contoso.test SIP/2.0");
            assertThat(header(subscribes.get(2), "To")).doesNotContain("tag=");
            assertThat(header(subscribes.get(2), "Call-ID")).isNotEqualTo(header(subscribes.get(0), "Call-ID"));
        }
        awaitFailingWithLogs("erin available from the second dialog for alice", () -> {
            Presence presence = roster.getPresence(erin);
            return presence.isAvailable() && "second dialog".equals(presence.getStatus());
        });
        assertThat(roster.getEntry(erin).getType()).isIn(RosterPacket.ItemType.to, RosterPacket.ItemType.both);
    }

    /**
     * Last: kills the gateway. While it is down, bob publishes a new state at Kamailio and alice changes hers; after
     * the restart alice sees bob's new state without re-adding him (the gateway subscribed again at Kamailio), and
     * dave refreshes his subscription in its old dialog, which the gateway took back from its store: the refresh is
     * answered 200 (not 481) and a NOTIFY in that dialog carries alice's state from the outage, without alice being
     * asked again (the gateway probed her).
     */
    @Test
    @Order(5)
    void afterKill9TheGatewaySubscribesAgainProbesAliceAndBothSidesSeeCurrentPresence() throws Exception {
        EntityBareJid dave = JidCreate.entityBareFrom("dave@" + ImPeers.LOCAL);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        peers.alice().sendStanza(AliceShows.available(Presence.Mode.chat, "before the restart", Optional.empty())
                .stanza(peers));
        String lastNotify;
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(dave), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = watcher("dave", "before the restart")) {
            assertThat((Presence) requests.nextResult(WAIT.toMillis())).as("dave's subscribe at alice\n"
                    + watcher.log() + peers.logs()).isNotNull();
            AliceSends.presence(peers, Presence.Type.subscribed, dave);
            assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + peers.logs()).hasValue(0);
            List<String> notifies = SippTrace.received(watcher.messageTrace(), "NOTIFY");
            lastNotify = notifies.get(notifies.size() - 1);
        }

        // bob's publication ends and runs out at Kamailio, which tells the gateway: bob offline for alice
        publishers.forEach(SippAgent::close);
        awaitFailingWithLogs("bob offline for alice once his publication expired",
                () -> !roster.getPresence(bob).isAvailable());
        StoreProbe.awaitDialog(peers, "notifier", "sip:dave@" + ImPeers.LOCAL, WAIT);

        peers.killGateway();
        int logMark = peers.edge().log().length();
        String prosodyMark = peers.prosody().log();
        publish("bob", "vacation", "gone fishing");
        AliceShows duringTheOutage = AliceShows.available(Presence.Mode.dnd, "during the outage", Optional.of("busy"));
        peers.alice().sendStanza(duringTheOutage.stanza(peers));
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(dave), PresenceTypeFilter.SUBSCRIBE))) {
            peers.restartGateway();

            awaitFailingWithLogs("bob gone fishing for alice after the restart", () -> {
                Presence presence = roster.getPresence(bob);
                return presence.isAvailable() && "gone fishing".equals(presence.getStatus());
            });
            assertThat(roster.getPresence(bob).getMode()).as("RPID vacation read as xa").isEqualTo(Presence.Mode.xa);
            assertThat(roster.getEntry(bob).getType()).isIn(RosterPacket.ItemType.to, RosterPacket.ItemType.both);
            assertThat(EdgePresenceLog.subscribes(peers.edge().log().substring(logMark), BOB_SIP, ALICE_SIP))
                    .as("the restarted gateway's SUBSCRIBE for bob at Kamailio").isNotEmpty();

            try (SippAgent again = watcherAgain("dave", lastNotify, "during the outage")) {
                assertThat(again.awaitExit(WAIT)).as("dave sees alice's presence from the outage\n" + again.log()
                        + peers.logs() + "\n--- prosody\n" + peers.prosody().log().substring(prosodyMark.length()))
                        .hasValue(0);
                assertThat(SippTrace.received(again.messageTrace(), "NOTIFY"))
                        .anySatisfy(duringTheOutage::assertMappedIn);
            }
            assertThat((Presence) requests.pollResult()).as("alice is not asked again for dave").isNull();
        }
        assertThat(peers.prosody().log().substring(prosodyMark.length()))
                .as("the gateway's probe toward alice, in Prosody's log")
                .containsPattern("type=['\"]probe['\"]");
    }

    /** A SIP user publishes through the edge: RPID {@code activity}, note {@code note}, refreshed until closed. */
    private void publish(String user, String activity, String note) {
        publishers.add(peers.sipUser(getClass().getResource("sipp/uac_publish.xml"), user, user, ImPeers.LOCAL)
                .substitute("ACTIVITY", activity).substitute("NOTE", note)
                .substitute("REFRESH_MS", Long.toString(PUBLISH_REFRESH.toMillis()))
                .substitute("REFRESHES", Long.toString(PUBLISHER_LIFETIME.dividedBy(PUBLISH_REFRESH)))
                .calls(1).timeLimit(PUBLISHER_LIFETIME.plus(WAIT)).callTo(peers.edge().tcpAddress()));
    }

    /** A SIP user watching alice through the edge until a NOTIFY carries {@code lastNote}. */
    private SippAgent watcher(String user, String lastNote) {
        return peers.sipUser(getClass().getResource("sipp/uac_watcher.xml"), user, "alice", ImPeers.JABBER)
                .substitute("BODY", lastNote).calls(1).timeLimit(WAIT.multipliedBy(3))
                .callTo(peers.edge().tcpAddress());
    }

    /**
     * The watcher of {@code notify}'s dialog coming back: a refresh in that dialog (expects 200, not 481), then
     * answering NOTIFYs in it until one carries {@code lastNote}.
     */
    private SippAgent watcherAgain(String user, String notify, String lastNote) {
        return peers.sipUser(getClass().getResource("sipp/uac_watcher_refresh.xml"), user, "alice",
                        ImPeers.JABBER)
                .callIdFormat(header(notify, "Call-ID"))
                .substitute("FROM_TAG", tag(header(notify, "To"))).substitute("TO_TAG", tag(header(notify, "From")))
                .substitute("TARGET", header(notify, "Contact").replaceAll(".*<([^>]+)>.*", "$1"))
                .substitute("BODY", lastNote).calls(1).timeLimit(WAIT).callTo(peers.edge().tcpAddress());
    }

    /** Sends {@code stanza} as alice and waits until the edge relays a NOTIFY to {@code watcher} that is {@code wanted}. */
    private void sendAndAwaitNotify(String watcher, Presence stanza, Predicate<EdgePresenceLog.RelayedNotify> wanted)
            throws SmackException.NotConnectedException, InterruptedException {
        int before = EdgePresenceLog.notifiesTo(peers.edge().log(), watcher).size();
        peers.alice().sendStanza(stanza);
        awaitFailingWithLogs("a NOTIFY to " + watcher + " after " + stanza.toXML(), () -> EdgePresenceLog
                .notifiesTo(peers.edge().log(), watcher).stream().skip(before).anyMatch(wanted));
    }

    private static Predicate<EdgePresenceLog.RelayedNotify> active() {
        return notify -> notify.state().startsWith("active");
    }

    private static Predicate<EdgePresenceLog.RelayedNotify> withNote(String note) {
        return notify -> notify.body().contains(">" + note + "</note>");
    }

    private void awaitFailingWithLogs(String what, Supplier<Boolean> condition) {
        try {
            Await.until(WAIT, what, condition::get);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n" + peers.logs(), timedOut);
        }
    }
}
