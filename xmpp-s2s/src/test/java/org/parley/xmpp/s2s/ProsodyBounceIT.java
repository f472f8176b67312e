package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.xmpp.s2s.ProsodyFixture.GATEWAY;
import static org.parley.xmpp.s2s.ProsodyFixture.WAIT;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.testkit.Loopback;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaKind;

/**
 * Nothing vanishes, end to end with real Prosody: a Prosody user's message reaches the gateway over s2s, is sent on
 * (as the gateway would after translation) to a domain whose route fails, and the bounce comes back over s2s to
 * the Prosody user with the condition of the failure (ROBUSTNESS 28). Messages for no one the gateway serves get
 * an error, never a relay (ROBUSTNESS 16).
 */
class ProsodyBounceIT {

    private final ProsodyFixture fixture = new ProsodyFixture();
    private final Forwarder forwarder = new Forwarder();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket silent;

    @AfterEach
    void stopAll() throws Exception {
        fixture.close();
        if (silent != null) {
            silent.close();
        }
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "bob@nowhere.test, remote_server_not_found",
        "carol@silent.test, remote_server_timeout"})
    void prosodyUserReceivesTheBounceOfAFailedRoute(String target, Condition expected) throws Exception {
        startSilentPeer();
        forwarder.routes.put("bob", "bob@nowhere.test");
        forwarder.routes.put("carol", "carol@silent.test");
        start();

        String local = target.substring(0, target.indexOf('@'));
        Message answer = send(local + "@" + GATEWAY, "hello " + local);

        assertThat(answer.getType()).isEqualTo(Message.Type.error);
        assertThat(answer.getFrom().toString()).isEqualTo(local + "@" + GATEWAY);
        assertThat(answer.getError().getCondition()).isEqualTo(expected);
        assertThat(forwarder.sent).singleElement()
                .satisfies(s -> assertThat(s.to().toString()).isEqualTo(target));
    }

    @Test
    void messageToAnUnknownLocalUserIsAnsweredWithAnErrorNotRelayed() throws Exception {
        start();
        Message answer = send("nobody@" + GATEWAY, "anyone?");
        assertThat(answer.getType()).isEqualTo(Message.Type.error);
        assertThat(answer.getError().getCondition()).isEqualTo(Condition.service_unavailable);
        assertThat(forwarder.sent).isEmpty();
    }

    @Test
    void streamForAForeignDomainIsRefusedSoTheProsodyUserGetsAnError() throws Exception {
        fixture.records = zone -> zone.srv("_xmpp-server._tcp.third.test", GATEWAY, fixture.gatewayPort, 0, 5);
        start();
        Message answer = send("dave@third.test", "relay me");
        assertThat(answer.getType()).isEqualTo(Message.Type.error);
        assertThat(forwarder.received).as("nothing for third.test is accepted by the gateway").isEmpty();
        assertThat(fixture.prosody.awaitLogLine(l -> l.contains("host-unknown"), WAIT))
                .as("Prosody's log shows the gateway's refusal").isPresent();
    }

    private Message send(String to, String body) throws Exception {
        Message message = fixture.alice.getStanzaFactory().buildMessageStanza().to(to).setBody(body).build();
        try (StanzaCollector collector = fixture.alice.createStanzaCollectorAndSend(new StanzaIdFilter(message.getStanzaId()),
                message)) {
            Message answer = collector.nextResult(Duration.ofSeconds(30).toMillis());
            assertThat(answer).as("an answer to " + to).isNotNull();
            return answer;
        }
    }

    private void start() throws Exception {
        fixture.inbound = forwarder;
        fixture.timeouts = t -> t.withConnect(Duration.ofSeconds(3));
        if (silent != null) {
            fixture.records = zone -> zone.address("silent.test", silent.getInetAddress().getHostAddress())
                    .srv("_xmpp-server._tcp.silent.test", "silent.test", silent.getLocalPort(), 0, 5);
        }
        fixture.start();
        forwarder.outbound = fixture.gateway;
    }

    private void startSilentPeer() throws Exception {
        silent = new ServerSocket();
        silent.bind(new InetSocketAddress(Loopback.freeAddress(), 0));
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept());
                }
            } catch (Exception closed) {
                // the test is over
            }
        }, "silent-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Plays the rest of the gateway: a message for a known local user is sent on to that user's foreign address
     * (as translation would), its bounce is turned into the error reply to the original sender; a message for an
     * unknown user is answered with {@code service-unavailable} (RFC 6120 §8.5.2.2.1).
     */
    private static final class Forwarder implements XmppInbound {
        final Map<String, String> routes = new ConcurrentHashMap<>();
        final Map<String, Stanza> originals = new ConcurrentHashMap<>();
        final List<Stanza> received = new CopyOnWriteArrayList<>();
        final List<Stanza> sent = new CopyOnWriteArrayList<>();
        volatile XmppOutbound outbound;

        @Override
        public void received(Stanza stanza) {
            received.add(stanza);
            String target = routes.get(stanza.to().local());
            if (target == null) {
                stanza.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)).ifPresent(outbound::send);
                return;
            }
            originals.put(stanza.id(), stanza);
            Stanza onward = Stanza.of(StanzaKind.MESSAGE, stanza.to(), Jid.of(target), stanza.id(), stanza.type(),
                    stanza.element().children());
            sent.add(onward);
            outbound.send(onward);
        }

        @Override
        public void bounced(Stanza error) {
            Stanza original = originals.remove(error.id());
            StanzaErrorCondition condition = StanzaError.from(error.element()).orElseThrow().condition();
            original.errorReply(StanzaError.of(condition)).ifPresent(outbound::send);
        }
    }
}
