package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * Presence across the loss of the s2s route (issue 6 item 4), every peer real: a SIP user (sipp, through the Kamailio
 * edge) watches alice@jabber.test and sees her open; Prosody is killed with {@code kill -9}, so nobody tells the
 * gateway that alice went away, yet the watcher is notified closed within a few seconds; Prosody comes back, alice
 * logs in and sets her presence, and the watcher sees her open again.
 */
class XmppLinkLossIT {

    private static final Duration WAIT = ImPeers.WAIT;
    /** How soon after the kill the watcher must see alice closed: the s2s streams end at once. */
    private static final Duration LOSS_NOTICED = Duration.ofSeconds(10);
    private static final String OPEN = "<basic>open</basic>";
    private static final String CLOSED = "<basic>closed</basic>";
    private static final String AT_WORK = "at work";
    private static final String BACK = "back again";
    private static final Pattern PIDF = Pattern.compile("<presence\\b.*?</presence>", Pattern.DOTALL);

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perTest(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void aSipWatcherSeesAnXmppContactGoOfflineWhenHerServerIsKilledAndOpenAgainWhenItReturns() throws Exception {
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + ImPeers.LOCAL);
        Roster.getInstanceFor(peers.alice()).setSubscriptionMode(Roster.SubscriptionMode.manual);
        try (StanzaCollector requests = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(carol), PresenceTypeFilter.SUBSCRIBE));
             SippAgent watcher = peers.sendMessages(getClass().getResource("sipp/uac_watcher_steady.xml"), "carol",
                     "alice", ImPeers.JABBER, "loss-%u-%p@%s", BACK, 200, 1, 1, WAIT.multipliedBy(4))) {
            Presence request = requests.nextResult(WAIT.toMillis());
            assertThat(request).as("carol's subscribe at alice\n" + watcher.log() + peers.logs()).isNotNull();
            AliceSends.presence(peers, Presence.Type.subscribed, carol);
            available(peers.alice(), AT_WORK);
            await(watcher, peers, WAIT, "alice open at the watcher", () -> openAtWork(watcher).isPresent());

            peers.killProsody();

            int open = openAtWork(watcher).orElseThrow();
            await(watcher, peers, LOSS_NOTICED, "alice closed at the watcher after the kill", () ->
                    pidfs(watcher).stream().skip(open)
                            .anyMatch(pidf -> pidf.contains(CLOSED) && !pidf.contains(OPEN)));
            await(watcher, peers, WAIT, "the gateway's log of the loss", () -> gatewayLog(peers)
                    .contains("XMPP domain " + ImPeers.JABBER + " unreachable (s2s route lost): 1 SIP watcher(s)"));

            peers.restartProsody();
            available(peers.alice(), BACK);

            assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + peers.logs()).hasValue(0);
            assertThat(pidfs(watcher)).last().as(watcher.messageTrace())
                    .satisfies(pidf -> assertThat(pidf).contains(OPEN).contains(BACK));
        }
    }

    /** The PIDF documents the watcher received, in order (sipp sends none itself). */
    private static List<String> pidfs(SippAgent watcher) {
        return PIDF.matcher(watcher.messageTrace()).results().map(MatchResult::group).toList();
    }

    /** The index of the first PIDF showing alice open with her first status, if any yet. */
    private static Optional<Integer> openAtWork(SippAgent watcher) {
        List<String> pidfs = pidfs(watcher);
        return IntStream.range(0, pidfs.size()).filter(i -> pidfs.get(i).contains(OPEN)
                && pidfs.get(i).contains(AT_WORK)).boxed().findFirst();
    }

    private static String gatewayLog(ImPeers peers) {
        return peers.gateway().stdout() + peers.gateway().stderr();
    }

    private static void available(XMPPTCPConnection alice, String status) throws Exception {
        alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available)
                .setMode(Presence.Mode.available).setStatus(status).build());
    }

    private static void await(SippAgent watcher, ImPeers peers, Duration timeout, String what,
                              BooleanSupplier seen) {
        try {
            Await.until(timeout, what, seen);
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "\n" + watcher.log() + peers.logs(), timedOut);
        }
    }
}
