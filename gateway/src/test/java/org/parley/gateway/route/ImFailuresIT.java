package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * Nothing silently lost when a side is down: the sender gets an error when the edge or the remote server is gone.
 * Each test stops a peer itself, so each gets a fresh set of peers.
 */
class ImFailuresIT {

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perTest(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void withTheEdgeDownAliceGetsRemoteServerTimeout() throws Exception {
        peers.stopEdge();
        Await.until(ImPeers.WAIT, "the gateway to see the edge down", () -> peers.metrics()
                .sum("parley_sip_edge_connection", Map.of("state", "up")) == 0.0);
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        try (StanzaCollector errors = peers.alice().createStanzaCollector(
                new AndFilter(FromMatchesFilter.createBare(bob), MessageTypeFilter.ERROR))) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildMessageStanza().to(bob)
                    .setBody("anyone?").build());

            Message error = errors.nextResult(ImPeers.WAIT.toMillis());
            assertThat(error).as("an error from " + bob + "\n" + peers.logs()).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
            assertThat(error.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
        }
    }

    @Test
    void withTheRemoteXmppServerDownTheSipSenderGetsTheMappedError() throws Exception {
        peers.stopProsody();

        try (SippAgent uac = peers.sendMessages(ImFailuresIT.class.getResource("sipp/uac_message.xml"), "bob",
                "alice", ImPeers.JABBER, "%u-%p@%s", "hello?", 404, 1, 10, ImPeers.WAIT)) {
            assertThat(uac.awaitExit(ImPeers.WAIT)).as(uac.log() + peers.logs()).hasValue(0);
        }
        assertThat(peers.routed("sip-to-xmpp", "bounced", "remote-server-not-found")).isOne();
    }
}
