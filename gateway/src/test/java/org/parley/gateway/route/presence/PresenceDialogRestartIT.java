package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.route.presence.SippTrace.header;
import static org.parley.gateway.route.presence.SippTrace.messages;
import static org.parley.gateway.route.presence.SippTrace.tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.parley.gateway.testsupport.StoreProbe;
import org.parley.testkit.SippAgent;

/**
 * SIP subscription dialogs survive {@code kill -9} of the packaged gateway (issue 6 item 3; RFC 6665 §4.1.2.2,
 * §4.2), every peer real (Prosody with alice over Smack, Kamailio as the edge, sipp as SIP users): a SIP watcher of
 * alice keeps its dialog — the restarted gateway NOTIFYs alice's current presence in it and answers its refresh
 * 200, not 481 — and the gateway's own subscription to a SIP user is refreshed in its stored dialog rather than
 * made again. A watcher that negotiated Microsoft enhanced presence keeps getting it after the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PresenceDialogRestartIT {

    private static final Duration WAIT = ImPeers.WAIT;
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(240);

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    @Order(1)
    void aSipWatcherKeepsItsDialogAcrossKill9AndIsNotifiedCurrentPresenceInIt() throws Exception {
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + ImPeers.LOCAL);
        Roster.getInstanceFor(peers.alice()).setSubscriptionMode(Roster.SubscriptionMode.manual);
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(carol), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = peers.userAgentCalling(getClass().getResource("sipp/uac_watcher_restart.xml"),
                     "carol", "alice", ImPeers.JABBER, Map.of("BEFORE", "lunch", "AFTER", "back soon"),
                     SIPP_LIMIT)) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("carol's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();
            AliceSends.presence(peers, Presence.Type.subscribed, carol);
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(Presence.Mode.dnd).setStatus("lunch").build());
            awaitTrace(watcher, "lunch</note>");
            StoreProbe.awaitDialog(peers, "notifier", "sip:carol@" + ImPeers.LOCAL, WAIT);

            peers.killAndRestartGateway(() -> sendPresence(Presence.Mode.away, "back soon"));

            assertThat(watcher.awaitExit(WAIT.multipliedBy(2))).as(watcher.log() + peers.logs()).hasValue(0);
            List<String> received = messages(watcher.messageTrace(), "received");
            List<String> notifies = received.stream().filter(m -> m.startsWith("NOTIFY ")).toList();
            String before = notifies.stream().filter(m -> m.contains("lunch</note>")).findFirst().orElseThrow();
            String after = notifies.stream().filter(m -> m.contains("back soon</note>")).findFirst().orElseThrow();
            assertThat(header(after, "Call-ID")).isEqualTo(header(before, "Call-ID"));
            assertThat(tag(header(after, "From"))).isEqualTo(tag(header(before, "From")));
            assertThat(tag(header(after, "To"))).isEqualTo(tag(header(before, "To")));
            assertThat(after).containsPattern("Subscription-State: active;expires=\\d+")
                    .containsPattern("<show xmlns=.jabber:client.>away</show>");
            assertThat(cseq(after)).as("CSeq continues above the stored one").isGreaterThan(1000);
            assertThat(received).anySatisfy(response -> assertThat(response)
                    .startsWith("SIP/2.0 200").contains("CSeq: 2 SUBSCRIBE").contains("Expires: 300"));
            assertThat(received).noneMatch(response -> response.startsWith("SIP/2.0 481"));
        }
    }

    @Test
    @Order(2)
    void theGatewaysSubscriptionIsRefreshedInItsStoredDialogAfterKill9() throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        try (SippAgent presenceServer = peers.userAgent(getClass().getResource("sipp/uas_presence_restart.xml"),
                Map.of("SHOW", "away", "NOTE", "back at two", "SHOW2", "xa", "NOTE2", "gone fishing"), 1,
                SIPP_LIMIT)) {
            AliceSends.presence(peers, Presence.Type.subscribe, bob);
            Await.until(WAIT, "bob back at two for alice", () -> "back at two".equals(roster.getPresence(bob)
                    .getStatus()));
            StoreProbe.awaitDialog(peers, "subscriber", "sip:bob@" + ImPeers.LOCAL, WAIT);

            peers.killAndRestartGateway();

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            String trace = presenceServer.messageTrace();
            List<String> subscribes = messages(trace, "received").stream()
                    .filter(m -> m.startsWith("SUBSCRIBE ")).toList();
            assertThat(subscribes).hasSize(2);
            String given = messages(trace, "sent").stream().filter(m -> m.startsWith("SIP/2.0 200"))
                    .findFirst().map(m -> tag(header(m, "To"))).orElseThrow();
            String refresh = subscribes.get(1);
            assertThat(tag(header(refresh, "To"))).as("the refresh is in the stored dialog").isEqualTo(given);
            assertThat(header(refresh, "Call-ID")).isEqualTo(header(subscribes.get(0), "Call-ID"));
            assertThat(tag(header(refresh, "From"))).isEqualTo(tag(header(subscribes.get(0), "From")));
            assertThat(cseq(refresh)).isGreaterThan(1000);
        }
        Await.until(WAIT, "bob gone fishing for alice", () -> "gone fishing".equals(roster.getPresence(bob)
                .getStatus()));
    }

    @Test
    @Order(3)
    void aWatcherOfEnhancedPresenceStillGetsEnhancedPresenceInItsDialogAfterKill9() throws Exception {
        EntityBareJid dave = JidCreate.entityBareFrom("dave@" + ImPeers.LOCAL);
        Roster.getInstanceFor(peers.alice()).setSubscriptionMode(Roster.SubscriptionMode.manual); // also when run alone
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(dave), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = peers.userAgentCalling(
                     getClass().getResource("sipp/uac_watcher_msrtc_restart.xml"), "dave", "alice", ImPeers.JABBER,
                     Map.of("BEFORE", "on a call", "AFTER", "gone fishing"), SIPP_LIMIT)) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("dave's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();
            AliceSends.presence(peers, Presence.Type.subscribed, dave);
            sendPresence(Presence.Mode.dnd, "on a call");
            awaitTrace(watcher, "on a call</body>");
            StoreProbe.awaitDialog(peers, "notifier", "sip:dave@" + ImPeers.LOCAL, WAIT);

            peers.killAndRestartGateway(() -> sendPresence(Presence.Mode.xa, "gone fishing"));

            assertThat(watcher.awaitExit(WAIT.multipliedBy(2))).as(watcher.log() + peers.logs()).hasValue(0);
            List<String> notifies = messages(watcher.messageTrace(), "received").stream()
                    .filter(m -> m.startsWith("NOTIFY ")).toList();
            String before = notifies.stream().filter(m -> m.contains("on a call</body>")).findFirst().orElseThrow();
            String after = notifies.stream().filter(m -> m.contains("gone fishing</body>")).findFirst()
                    .orElseThrow();
            assertThat(header(after, "Call-ID")).isEqualTo(header(before, "Call-ID"));
            assertThat(cseq(after)).as("sent in the stored dialog by the restarted gateway").isGreaterThan(1000);
            for (String notify : List.of(before, after)) {
                assertThat(header(notify, "Content-Type")).startsWith("application/msrtc-event-categories+xml");
            }
            assertThat(before).contains("<availability>9500</availability>");
            assertThat(after).contains("<availability>15500</availability>");
        }
    }

    private void sendPresence(Presence.Mode mode, String status) {
        try {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.available).setMode(mode).setStatus(status).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitTrace(SippAgent agent, String text) {
        try {
            Await.until(WAIT, "'" + text + "' at sipp", () -> agent.messageTrace().contains(text));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + agent.log() + peers.logs(), e);
        }
    }

    private static long cseq(String message) {
        return Long.parseLong(header(message, "CSeq").split("\\s+")[0]);
    }
}
