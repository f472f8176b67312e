package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.xmpp.s2s.ProsodyFixture.GATEWAY;
import static org.parley.xmpp.s2s.ProsodyFixture.PROSODY;
import static org.parley.xmpp.s2s.ProsodyFixture.WAIT;

import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.testkit.XmppClients;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/**
 * Streams to a real Prosody that stops answering (SIGSTOP) are found dead by XEP-0199 pings and closed; idle
 * streams are closed; in both cases the next stanza sets up a new route and is delivered. The route is reported lost
 * for a dead peer or a killed one, and not for idle streams closed cleanly ({@link RouteState}).
 */
class ProsodyLivenessIT {

    private final ProsodyFixture fixture = new ProsodyFixture();
    private StanzaCollector fromBob;

    @AfterEach
    void stopAll() {
        if (fromBob != null) {
            fromBob.cancel();
        }
        fixture.close();
    }

    @Test
    void closesTheRouteToAPeerThatStopsAnsweringPingsAndReroutesLaterStanzas() throws Exception {
        fixture.timeouts = t -> t.withPing(Duration.ofMillis(500), Duration.ofSeconds(1)).withIdle(Duration.ofMinutes(10));
        start();
        deliver("before");

        fixture.prosody.suspend();
        try {
            assertThat(ProsodyFixture.await(() -> fixture.sessions("outbound", "authenticated") == 0, WAIT))
                    .as("the stream to the frozen Prosody is closed as dead").isTrue();
        } finally {
            fixture.prosody.resume();
        }

        deliver("after");
        assertThat(fixture.authentications("outbound", "dialback")).as("a new stream was authenticated").isEqualTo(2);
        assertThat(routeChanges()).containsExactly(PROSODY + " UP", PROSODY + " LOST", PROSODY + " UP");
    }

    @Test
    void reportsTheRouteLostWhenThePeerIsKilledAndUpWhenItIsBack() throws Exception {
        start();
        deliver("before");

        fixture.prosody.kill();
        assertThat(ProsodyFixture.await(() -> routeChanges().contains(PROSODY + " LOST"), WAIT))
                .as("the route is lost once the killed Prosody's streams end: " + routeChanges()).isTrue();
        fixture.alice.instantShutdown();
        fromBob.cancel();
        fixture.prosody = fixture.prosody.restarted();
        fixture.alice = XmppClients.login(fixture.prosody, "alice", "alice-secret", WAIT);
        fromBob = fixture.alice.createStanzaCollector(FromMatchesFilter.createBare(JidCreate.from("bob@" + GATEWAY)));

        deliver("after");
        assertThat(routeChanges()).containsExactly(PROSODY + " UP", PROSODY + " LOST", PROSODY + " UP");
    }

    @Test
    void closesIdleStreamsInBothDirectionsAndReroutesLaterStanzas() throws Exception {
        fixture.timeouts = t -> t.withPing(Duration.ofMillis(300), Duration.ofSeconds(5)).withIdle(Duration.ofSeconds(1));
        start();
        deliver("before");

        assertThat(ProsodyFixture.await(() -> fixture.sessions("outbound", "authenticated") == 0
                && fixture.sessions("inbound", "authenticated") == 0, WAIT))
                .as("both streams closed after their idle time").isTrue();

        deliver("after");
        assertThat(fixture.authentications("outbound", "dialback")).isEqualTo(2);
        assertThat(routeChanges()).as("idle streams closed cleanly are no loss").containsExactly(PROSODY + " UP");
    }

    private List<String> routeChanges() {
        return ((RecordingInbound) fixture.inbound).routeChanges;
    }

    private void start() throws Exception {
        fixture.start();
        fromBob = fixture.alice.createStanzaCollector(FromMatchesFilter.createBare(JidCreate.from("bob@" + GATEWAY)));
    }

    private void deliver(String body) throws Exception {
        fixture.gateway.send(Stanza.of(StanzaKind.MESSAGE, Jid.of("bob@" + GATEWAY), Jid.of("alice@" + PROSODY + "/test"),
                body, "chat", List.of(XmlElement.builder(XmppNamespaces.SERVER, "body").text(body).build())));
        Message received = fromBob.nextResult(WAIT.toMillis());
        assertThat(received).as("alice receives '" + body + "'").isNotNull();
        assertThat(received.getBody()).isEqualTo(body);
    }
}
