package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.gateway.route.bench.StoredSubscriptions;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * No NOTIFY is lost while the edge opens its own connection to a restarting gateway (docs/benchmarks.md, "Early
 * failures"): the gateway restarts with {@value #SUBSCRIPTIONS} stored subscriptions and subscribes again at up to
 * 1,000/s through Kamailio to a sipp presence server that answers each SUBSCRIBE and NOTIFYs at once. Kamailio relays
 * those NOTIFYs over a TLS connection it opens toward the gateway for the first of them; here it may hold only
 * {@value #PENDING_QUEUE} bytes (about five NOTIFYs) while that handshake is pending, a sixteenth of its default,
 * so the gateway's start rate is scaled down with it, to one per second. Without the slow start
 * ({@code subscribe-start-rate} equal to the rate) the first NOTIFYs overflow that queue, Kamailio fails the
 * connection ({@code ct write buffer full}) and answers them 408 and 477; with it, every one arrives.
 */
class PresenceRestoreSlowStartIT {

    private static final int SUBSCRIPTIONS = 200;
    private static final int PENDING_QUEUE = 4096;
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final URL PRESENCE_SERVER = PresenceRestoreSlowStartIT.class.getResource(
            "sipp/uas_presence.xml");

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perTest(dir -> ImPeers.start(dir,
            ImPeers.Options.forTests(64).withEdgeTlsPendingQueue(PENDING_QUEUE)));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void everyNotifyArrivesWhileTheEdgeOpensItsConnectionToTheRestartedGateway() throws Exception {
        peers.killGateway();
        StoredSubscriptions.write(peers.storeUrl(), SUBSCRIPTIONS,
                StoredSubscriptions.xmppToSip("bob", ImPeers.LOCAL, "alice", SUBSCRIPTIONS, ImPeers.JABBER));
        Files.writeString(peers.config(), Files.readString(peers.config()).replace("  <store ",
                "  <presence subscribe-rate=\"1000\" subscribe-start-rate=\"1\"/>\n  <store "));

        try (SippAgent server = peers.userAgentBuilder(PRESENCE_SERVER).substitute("SHOW", "chat")
                .substitute("NOTE", "restored").calls(SUBSCRIPTIONS).timeLimit(LIMIT).traceMessages(false)
                .listen()) {
            peers.restartGatewayWithin(LIMIT);

            String context = "\n" + server.log() + "\n" + peers.edge().log().lines()
                    .filter(line -> line.contains("ERROR")).limit(20).reduce("", (a, b) -> a + b + "\n");
            assertThat(server.awaitExit(LIMIT)).as("sipp: every SUBSCRIBE answered and NOTIFY answered 200" + context)
                    .hasValue(0);
        }
        assertThat(peers.edge().log()).doesNotContain("ct write buffer full");
        Await.until(ImPeers.WAIT, "the gateway's log of the edge reaching it",
                () -> peers.gateway().stderr().contains("Access Edge reached the gateway"));
    }
}
