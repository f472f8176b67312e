package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
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
import org.parley.gateway.testsupport.MetricsText;
import org.parley.gateway.testsupport.StoreProbe;
import org.parley.testkit.SippAgent;

/**
 * Presence end to end through the packaged gateway (RFC 8048): alice in Prosody (Smack) subscribes to a SIP user
 * whose presence server, behind a real Kamailio edge over mutual TLS, is played by sipp; a SIP user (sipp) watches
 * alice and gets her presence as PIDF NOTIFYs once she approves; after {@code kill -9} and a restart the gateway
 * refreshes every stored subscription in its dialog and alice sees current presence without re-adding anybody; when
 * the edge is lost, alice sees the SIP users go offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PresenceRoutesIT {

    private static final Duration WAIT = ImPeers.WAIT;

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    @Order(1)
    void aliceAddsASipUserAndSeesHisPresenceFromThePidfNotify() throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        try (SippAgent presenceServer = peers.userAgent(getClass().getResource("sipp/uas_presence.xml"),
                Map.of("SHOW", "away", "NOTE", "back at two"), 1, WAIT)) {
            AliceSends.presence(peers, Presence.Type.subscribe, bob);

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            assertThat(presenceServer.messageTrace())
                    .contains("SUBSCRIBE sip:bob@contoso.test SIP/2.0")
                    .containsPattern("From: <?sip:alice@jabber\\.test>?;tag=")
                    .containsPattern("Event: presence")
                    .containsPattern("Expires: 3600")
                    .containsPattern("Accept: application/pidf\\+xml");
        }

        Await.until(WAIT, "alice subscribed to bob's presence", () -> {
            RosterEntry entry = roster.getEntry(bob);
            return entry != null && (entry.getType() == RosterPacket.ItemType.to
                    || entry.getType() == RosterPacket.ItemType.both);
        });
        Await.until(WAIT, "bob available at alice", () -> roster.getPresence(bob).isAvailable());
        Presence presence = roster.getPresence(bob);
        assertThat(presence.getFrom().toString()).isEqualTo("bob@contoso.test/desk");
        assertThat(presence.getMode()).isEqualTo(Presence.Mode.away);
        assertThat(presence.getStatus()).isEqualTo("back at two");
    }

    @Test
    @Order(2)
    void aSipUserWatchesAliceAndReceivesHerPresenceAsPidfOnceSheApproves() throws Exception {
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + ImPeers.LOCAL);
        Roster.getInstanceFor(peers.alice()).setSubscriptionMode(Roster.SubscriptionMode.manual);
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(carol), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = peers.sendMessages(getClass().getResource("sipp/uac_watcher.xml"), "carol",
                     "alice", ImPeers.JABBER, "watch-%u-%p@%s", "lunch", 200, 1, 1, WAIT)) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("carol's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();

            AliceSends.presence(peers, Presence.Type.subscribed, carol);
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(Presence.Mode.dnd).setStatus("lunch").build());

            assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + peers.logs()).hasValue(0);
            assertThat(watcher.messageTrace())
                    .containsPattern("Subscription-State: pending")
                    .containsPattern("Subscription-State: active")
                    .contains("<basic>open</basic>")
                    .containsPattern("<show xmlns=.jabber:client.>dnd</show>")
                    .containsPattern("<note[^>]*>lunch</note>");
        }
    }

    /** Last: the restart refreshes every subscription the earlier tests made, in its stored dialog. */
    @Test
    @Order(3)
    void afterKill9TheGatewayRefreshesItsSubscriptionsAndAliceSeesCurrentPresenceWithoutReAdding() throws Exception {
        EntityBareJid dan = JidCreate.entityBareFrom("dan@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        URL scenario = getClass().getResource("sipp/uas_presence.xml");
        try (SippAgent presenceServer = peers.userAgent(scenario, Map.of("SHOW", "chat", "NOTE", "at my desk"), 1,
                WAIT)) {
            AliceSends.presence(peers, Presence.Type.subscribe, dan);
            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
        }
        Await.until(WAIT, "dan at his desk for alice", () -> "at my desk".equals(roster.getPresence(dan).getStatus()));
        StoreProbe.awaitDialog(peers, "subscriber", "sip:dan@" + ImPeers.LOCAL, WAIT);

        try (SippAgent presenceServer = peers.userAgent(getClass().getResource("sipp/uas_presence_refreshed.xml"),
                Map.of("SHOW", "xa", "NOTE", "gone fishing"), 2, WAIT)) {
            peers.killAndRestartGateway();

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            assertThat(presenceServer.messageTrace()).as("refreshed in the dialogs stored before the kill")
                    .containsPattern("To: <?sip:dan@contoso\\.test>?;tag=")
                    .containsPattern("To: <?sip:bob@contoso\\.test>?;tag=");
        }
        Await.until(WAIT, "dan gone fishing for alice", () -> {
            Presence presence = roster.getPresence(dan);
            return "gone fishing".equals(presence.getStatus()) && presence.getMode() == Presence.Mode.xa;
        });
        assertThat(roster.getEntry(dan).getType()).isIn(RosterPacket.ItemType.to, RosterPacket.ItemType.both);
        MetricsText metrics = peers.metrics();
        assertThat(metrics.sum("parley_presence_subscribes_total", Map.of("kind", "restore"))).as(metrics.text())
                .isGreaterThanOrEqualTo(2);
        Await.until(WAIT, "the restored subscriptions active again on /metrics", () ->
                peers.metrics().sum("parley_presence_restore", Map.of("state", "restored")) >= 2);
        assertThat(metrics.sum("parley_presence_notifies_total", Map.of("direction", "received"))).isPositive();
        assertThat(metrics.sum("parley_presence_stanzas_total", Map.of("direction", "sip-to-xmpp"))).isPositive();
        assertThat(metrics.text()).contains("parley_presence_subscriptions{", "parley_presence_subscribe_queue");
    }

    /** After the restart test: stopping the edge ends the peers' use for anything else. */
    @Test
    @Order(4)
    void whenTheEdgeIsLostAliceSeesTheSipUsersGoOffline() throws Exception {
        EntityBareJid dan = JidCreate.entityBareFrom("dan@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        Await.until(WAIT, "dan available for alice", () -> roster.getPresence(dan).isAvailable());

        peers.stopEdge();

        try {
            Await.until(WAIT, "dan offline for alice once the edge is gone",
                    () -> !roster.getPresence(dan).isAvailable());
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n" + peers.logs(), timedOut);
        }
        assertThat(roster.getEntry(dan).getType()).isIn(RosterPacket.ItemType.to, RosterPacket.ItemType.both);
    }
}
