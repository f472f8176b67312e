package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * Nothing silently lost under a burst: 1,000 messages each way through Prosody, the packaged gateway, Kamailio and
 * sipp, every one counted precisely either at the far end or as an error at its sender, within a bounded time.
 * The two tests share one set of peers: each waits until all its messages are accounted for, and each reads the
 * gateway's counter of its own direction only.
 */
class ImBurstIT {

    private static final int BURST = 1000;
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern BODY = Pattern.compile("burst (\\d+)");

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 256));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void aThousandMessagesFromXmppAreEachDeliveredToTheSipUserOrBouncedToTheSender() throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        try (SippAgent uas = peers.userAgent(scenario("uas_message.xml"), 200, BURST, LIMIT);
             StanzaCollector errors = peers.alice().createStanzaCollector(
                     new AndFilter(FromMatchesFilter.createBare(bob), MessageTypeFilter.ERROR))) {
            for (int i = 1; i <= BURST; i++) {
                // one thread (so one Call-ID) per message: sipp matches requests to its calls by Call-ID
                peers.alice().sendStanza(StanzaBuilder.buildMessage("b" + i).to(bob).setThread("burst-" + i)
                        .setBody("burst " + i).build());
            }

            Set<Integer> bounced = new HashSet<>();
            Set<Integer> delivered = new HashSet<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (delivered.size() + bounced.size() < BURST && System.nanoTime() < deadline) {
                Message error = errors.nextResult(200);
                if (error != null) {
                    bounced.add(Integer.parseInt(error.getStanzaId().substring(1)));
                }
                delivered = bodies(uas.messageTrace());
            }

            assertThat(delivered.size() + bounced.size()).as("accounted for\n" + peers.logs()).isEqualTo(BURST);
            assertThat(intersection(delivered, bounced)).as("both delivered and bounced").isEmpty();
            int atTheSipUser = delivered.size();
            Await.until(LIMIT, "the gateway to count " + atTheSipUser + " delivered", () ->
                    peers.routed("xmpp-to-sip", "delivered", "none") == atTheSipUser);
        }
    }

    @Test
    void aThousandMessagesFromSipAreEachDeliveredToAliceOrRefusedToTheSender() throws Exception {
        EntityBareJid bob = JidCreate.entityBareFrom("bob@" + ImPeers.LOCAL);
        try (StanzaCollector messages = peers.alice().createStanzaCollector(
                new AndFilter(FromMatchesFilter.createBare(bob), StanzaTypeFilter.MESSAGE));
             SippAgent uac = peers.sendMessages(scenario("uac_message.xml"), "bob", "alice", ImPeers.JABBER,
                     "%u-%p@%s", "burst", 202, BURST, 200, LIMIT)) {
            Set<Integer> delivered = new HashSet<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (delivered.size() < BURST && System.nanoTime() < deadline) {
                Message message = messages.nextResult(200);
                if (message != null) {
                    Matcher body = BODY.matcher(message.getBody());
                    assertThat(body.find()).as(message.getBody()).isTrue();
                    delivered.add(Integer.parseInt(body.group(1)));
                }
            }

            assertThat(uac.awaitExit(LIMIT)).as("no error at the sender: every MESSAGE answered 202\n" + uac.log())
                    .hasValue(0);
            assertThat(delivered).as("every message at alice\n" + peers.logs()).hasSize(BURST);
            assertThat(peers.routed("sip-to-xmpp", "delivered", "none")).isEqualTo(BURST);
        }
    }

    private static Set<Integer> bodies(String trace) {
        Set<Integer> found = new HashSet<>();
        Matcher body = BODY.matcher(trace);
        while (body.find()) {
            found.add(Integer.parseInt(body.group(1)));
        }
        return found;
    }

    private static Set<Integer> intersection(Set<Integer> a, Set<Integer> b) {
        Set<Integer> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static URL scenario(String name) {
        return ImBurstIT.class.getResource("sipp/" + name);
    }
}
