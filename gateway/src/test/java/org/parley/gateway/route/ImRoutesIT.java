package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * Two-party IM end to end through the packaged gateway: alice in Prosody (Smack) and SIP users played by sipp behind
 * a real Kamailio edge over mutual TLS. Messages cross both ways with their addresses, content type and thread; the
 * SIP side's errors reach alice as the RFC 7247 conditions; what the routing rules refuse is answered with an error
 * and never forwarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImRoutesIT {

    private static final Duration WAIT = ImPeers.WAIT;

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void aliceReachesTheSipUserAndTheSipUsersRepliesComeBackInHerThread() throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        try (SippAgent uas = peers.userAgent(scenario("uas_message.xml"), 200, 1, WAIT)) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildMessageStanza().to(bob)
                    .ofType(Message.Type.chat).setThread("thread-7f3a").setBody("hello bob").build());

            assertThat(uas.awaitExit(WAIT)).as(uas.log() + peers.logs()).hasValue(0);
            assertThat(uas.messageTrace())
                    .contains("MESSAGE sip:bob@contoso.test SIP/2.0")
                    .containsPattern("From: <sip:alice@jabber\\.test;gr=test>;tag=")
                    .containsPattern("To: <sip:bob@contoso\\.test>")
                    .contains("Call-ID: thread-7f3a")
                    .containsPattern("Content-Type: text/plain;charset=UTF-8")
                    .contains("hello bob");
        }

        try (StanzaCollector replies = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(bob), StanzaTypeFilter.MESSAGE))) {
            List<Message> received = new ArrayList<>();
            for (String text : List.of("reply", "and again")) {
                try (SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), "bob", "alice", ImPeers.JABBER,
                        "thread-7f3a", text, 202, 1, 10, WAIT)) {
                    Message message = replies.nextResult(WAIT.toMillis());
                    assertThat(message).as("'" + text + "' at alice\n" + uac.log() + peers.logs()).isNotNull();
                    received.add(message);
                    assertThat(uac.awaitExit(WAIT)).as(uac.log()).hasValue(0);
                }
            }
            assertThat(received).extracting(Message::getThread).containsOnly("thread-7f3a");
            assertThat(received).extracting(m -> m.getBody().strip()).containsExactly("reply 1", "and again 1");
            assertThat(received).extracting(m -> m.getFrom().asBareJid().toString()).containsOnly("bob@contoso.test");
        }
    }

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            o\\27malley      | o'malley
            space\\20cadet   | space%20cadet
            m\\26m           | m&m
            user\\40host     | user%40host
            fü               | f%C3%BC
            """)
    void awkwardLocalPartsRoundTrip(String localpart, String sipUser) throws Exception {
        EntityBareJid sipUserJid = JidCreate.entityBareFrom(localpart + "@" + ImPeers.LOCAL);
        try (SippAgent uas = peers.userAgent(scenario("uas_message.xml"), 200, 1, WAIT)) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildMessageStanza().to(sipUserJid)
                    .setBody("to " + sipUser).build());

            assertThat(uas.awaitExit(WAIT)).as(uas.log() + peers.logs()).hasValue(0);
            assertThat(uas.messageTrace()).contains("MESSAGE sip:" + sipUser + "@contoso.test SIP/2.0");
        }
        try (StanzaCollector replies = peers.alice().createStanzaCollector(new AndFilter(
                FromMatchesFilter.createBare(sipUserJid), StanzaTypeFilter.MESSAGE));
             SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), sipUser, "alice", ImPeers.JABBER,
                     "%u-%p@%s", "from " + sipUser, 202, 1, 10, WAIT)) {
            Message reply = replies.nextResult(WAIT.toMillis());
            assertThat(reply).as("a message from " + sipUserJid + "\n" + uac.log() + peers.logs()).isNotNull();
            assertThat(reply.getBody().strip()).isEqualTo("from " + sipUser + " 1");
            assertThat(uac.awaitExit(WAIT)).as(uac.log()).hasValue(0);
        }
    }

    @ParameterizedTest(name = "SIP user answers {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            404 | item_not_found
            480 | recipient_unavailable
            486 | recipient_unavailable
            503 | internal_server_error
            0   | remote_server_timeout
            """)
    void theSipUsersErrorReachesAliceAsTheMappedCondition(int status, StanzaError.Condition condition)
            throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        URL scenario = scenario(status == 0 ? "uas_silent.xml" : "uas_message.xml");
        try (SippAgent uas = peers.userAgent(scenario, status, 1, WAIT);
             StanzaCollector errors = peers.alice().createStanzaCollector(
                     new AndFilter(FromMatchesFilter.createBare(bob), MessageTypeFilter.ERROR))) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildMessageStanza().to(bob)
                    .setBody("are you there?").build());

            Message error = errors.nextResult(WAIT.toMillis());
            assertThat(error).as("an error from " + bob + "\n" + uas.log() + peers.logs()).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(condition);
        }
    }

    @Test
    void aMessageToAnXmppDomainWithoutSipUsersIsRefusedAndNotForwarded() throws Exception {
        EntityBareJid carol = JidCreate.entityBareFrom("carol@" + ImPeers.XMPP_ONLY);
        double refusedBefore = peers.routed("xmpp-to-sip", "refused", "item-not-found");
        try (StanzaCollector errors = peers.alice().createStanzaCollector(
                new AndFilter(FromMatchesFilter.createBare(carol), MessageTypeFilter.ERROR))) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildMessageStanza().to(carol)
                    .setBody("hello carol").build());

            Message error = errors.nextResult(WAIT.toMillis());
            assertThat(error).as("an error from " + carol + "\n" + peers.logs()).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
        }
        assertThat(peers.routed("xmpp-to-sip", "refused", "item-not-found")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aMessageToADomainNotOnTheAllowListIsRefused403AndNotForwarded() throws Exception {
        double refusedBefore = peers.routed("sip-to-xmpp", "refused", "policy-violation");
        try (SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), "bob", "mallory", ImPeers.EVIL,
                "%u-%p@%s", "hello mallory", 403, 1, 10, WAIT)) {
            assertThat(uac.awaitExit(WAIT)).as(uac.log() + peers.logs()).hasValue(0);
        }
        assertThat(peers.routed("sip-to-xmpp", "refused", "policy-violation")).isEqualTo(refusedBefore + 1);
        assertThat(peers.gateway().stdout() + peers.gateway().stderr()).doesNotContainPattern("route .*evil\\.test");
    }

    private static URL scenario(String name) {
        return ImRoutesIT.class.getResource("sipp/" + name);
    }
}
