package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.dialback.DialbackElement;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.ConnectTarget;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.parley.xmpp.stream.XmppStreamEncoder;

/** The outbound stream on an EmbeddedChannel: each negotiation step, dialback as originating server, liveness. */
class OutboundSessionTest {

    private static final DomainPair PAIR = new DomainPair("gw.test", "jabber.test");
    private static final String PEER_HEADER = "<stream:stream xmlns='jabber:server' xmlns:stream="
            + "'http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' from='jabber.test' to='gw.test'"
            + " id='S1' version='1.0'>";
    private static final String DIALBACK_FEATURES = "<stream:features><dialback xmlns='urn:xmpp:features:dialback'/>"
            + "</stream:features>";
    private static final Duration IDLE = Duration.ofSeconds(60);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> events = new ArrayList<>();
    private final PingTracker pings = new PingTracker();
    private EmbeddedChannel channel;

    @Test
    void opensWithOurHeaderAndSendsTheXep0185KeyForThePeersStreamId() {
        start(PeerPolicy.open(), TlsSettings.disabled());
        assertThat(output()).startsWith("<stream:stream").contains("to='jabber.test'").contains("from='gw.test'")
                .doesNotContain(" id=");
        feed(PEER_HEADER + DIALBACK_FEATURES);
        String key = new DialbackKeys(InboundHarness.SECRET).generate("jabber.test", "gw.test", "S1");
        assertThat(output()).isEqualTo("<db:result from='gw.test' to='jabber.test'>" + key + "</db:result>");
        assertThat(events).containsExactly("usable");
    }

    @Test
    void becomesReadyOnlyWhenThePeerSaysOurKeyIsValid() {
        OutboundSession session = start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES + "<db:result from='jabber.test' to='gw.test' type='valid'/>");
        assertThat(events).containsExactly("usable", "ready");
        assertThat(session.phase()).isEqualTo(OutboundSession.Phase.READY);
    }

    @Test
    void ignoresAValidResultThatArrivesBeforeOursWasSent() {
        OutboundSession session = start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + "<db:result from='jabber.test' to='gw.test' type='valid'/>");
        assertThat(events).isEmpty();
        assertThat(session.phase()).isEqualTo(OutboundSession.Phase.AWAIT_FEATURES);
    }

    @Test
    void ignoresAValidResultForAnotherDomainPair() {
        OutboundSession session = start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES + "<db:result from='other.test' to='gw.test' type='valid'/>");
        assertThat(events).containsExactly("usable");
        assertThat(session.phase()).isEqualTo(OutboundSession.Phase.AWAIT_DIALBACK);
    }

    @Test
    void failsTheRouteWhenThePeerRefusesOurKey() {
        start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES + "<db:result from='jabber.test' to='gw.test' type='invalid'/>");
        assertThat(events).containsExactly("usable", "failed remote-server-timeout", "closed NOT_READY");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void failsTheRouteWhenPolicyRequiresTlsAndThePeerOffersNone() {
        PeerPolicy tlsRequired = domain -> new PeerDecision.Permitted(domain, TlsRequirement.REQUIRED,
                AuthRequirement.ANY, Optional.empty(), OptionalInt.empty());
        start(tlsRequired, TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES);
        assertThat(events).first().isEqualTo("failed remote-server-timeout");
        assertThat(output()).doesNotContain("db:result");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void takesStartTlsWhenOfferedAndPutsTlsFirstInThePipeline() throws Exception {
        TestPki pki = new TestPki();
        OutboundSession session = start(PeerPolicy.open(), pki.tls(TlsMode.OPTIONAL, pki.issue("gw.test")));
        output();
        feed(PEER_HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>" + DIALBACK_FEATURES
                .substring("<stream:features>".length()));
        assertThat(output()).isEqualTo("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        feed("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        assertThat(channel.pipeline().first()).isInstanceOf(SslHandler.class);
        assertThat(session.phase()).isEqualTo(OutboundSession.Phase.HANDSHAKE);
        assertThat(events).as("no dialback before TLS is up").isEmpty();
    }

    @Test
    void startsWithTlsOnADirectTlsTarget() throws Exception {
        TestPki pki = new TestPki();
        OutboundSession session = start(PeerPolicy.open(), pki.tls(TlsMode.OPTIONAL, pki.issue("gw.test")),
                new ConnectTarget("jabber.test", 5270, true));
        assertThat(channel.pipeline().first()).isInstanceOf(SslHandler.class);
        assertThat(session.phase()).isEqualTo(OutboundSession.Phase.HANDSHAKE);
        String hello = output();
        assertThat(hello).doesNotContain("<stream:stream");
        assertThat(hello.getBytes(StandardCharsets.ISO_8859_1)[0]).as("a TLS handshake record").isEqualTo((byte) 22);
    }

    @Test
    void passesVerifyAnswersToTheRoute() {
        start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES + "<db:verify from='jabber.test' to='gw.test' id='X' type='valid'/>");
        assertThat(events).containsExactly("usable", "verify X valid");
    }

    @Test
    void failsTheRouteOnAStreamErrorFromThePeer() {
        start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
        assertThat(events).first().isEqualTo("failed remote-server-timeout");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void pingsAQuietPeerAndClosesTheStreamWhenThePingGoesUnanswered() {
        ready();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
        String ping = output();
        assertThat(ping).contains("<iq from='gw.test' to='jabber.test'").contains("type='get'")
                .contains("<ping xmlns='urn:xmpp:ping'/>");
        channel.advanceTimeBy(PING_TIMEOUT.toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(events).last().isEqualTo("closed BROKEN");
    }

    @Test
    void keepsTheStreamWhenThePingIsAnswered() {
        ready();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
        Matcher id = Pattern.compile("id='([^']+)'").matcher(output());
        assertThat(id.find()).isTrue();
        assertThat(pings.answered(id.group(1))).isTrue();
        channel.advanceTimeBy(PING_TIMEOUT.toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void closesTheStreamAfterAnIdlePeriodWithoutStanzas() {
        OutboundSession session = ready();
        channel.advanceTimeBy(IDLE.toMillis() / 2, TimeUnit.MILLISECONDS);
        session.send(Stanza.of(StanzaKind.MESSAGE, Jid.of("a@gw.test"), Jid.of("b@jabber.test"), "m", "", List.of()));
        channel.advanceTimeBy(IDLE.toMillis() / 2 + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("a stanza in the first period keeps the stream").isTrue();
        output();
        channel.advanceTimeBy(IDLE.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(output()).endsWith("</stream:stream>");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void reportsABrokenEndWhenAReadyConnectionDropsWithoutAStreamClose() {
        ready();
        channel.close();
        assertThat(events).last().isEqualTo("closed BROKEN");
    }

    @Test
    void reportsACleanEndWhenThePeerClosesAReadyStream() {
        ready();
        feed("</stream:stream>");
        assertThat(channel.isOpen()).isFalse();
        assertThat(events).last().isEqualTo("closed CLOSED");
    }

    @Test
    void reportsACleanEndWhenWeCloseAnIdleStream() {
        ready();
        channel.advanceTimeBy(2 * IDLE.toMillis() + 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(events).last().isEqualTo("closed CLOSED");
    }

    @Test
    void reportsNotReadyWhenTheConnectionDropsDuringNegotiation() {
        start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES);
        channel.close();
        assertThat(events).last().isEqualTo("closed NOT_READY");
    }

    private OutboundSession ready() {
        OutboundSession session = start(PeerPolicy.open(), TlsSettings.disabled());
        feed(PEER_HEADER + DIALBACK_FEATURES + "<db:result from='jabber.test' to='gw.test' type='valid'/>");
        output();
        return session;
    }

    private OutboundSession start(PeerPolicy policy, TlsSettings tls) {
        return start(policy, tls, new ConnectTarget("jabber.test", 5269, false));
    }

    private OutboundSession start(PeerPolicy policy, TlsSettings tls, ConnectTarget target) {
        S2sSettings base = InboundHarness.settings(tls, S2sLimits.defaults());
        S2sSettings settings = new S2sSettings(base.domains(), base.listen(), tls, base.dialbackKeys(), base.dns(),
                base.limits(), base.timeouts().withPing(Duration.ofSeconds(30), PING_TIMEOUT).withIdle(IDLE));
        S2sContext context = S2sContext.of(settings, policy, new S2sMetrics(new SimpleMeterRegistry()),
                new SecureRandom());
        PeerDecision.Permitted decision = (PeerDecision.Permitted) policy.decide(PAIR.remote());
        OutboundSession session = new OutboundSession(new RecordingRoute(), PAIR, decision, target, context, pings);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new XmppStreamDecoder(), new XmppStreamEncoder(), session);
        channel.pipeline().fireChannelActive();
        return session;
    }

    private void feed(String xml) {
        channel.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
        channel.runPendingTasks();
    }

    private String output() {
        StringBuilder text = new StringBuilder();
        for (Object msg; (msg = channel.readOutbound()) != null; ) {
            ByteBuf bytes = (ByteBuf) msg;
            text.append(bytes.toString(StandardCharsets.ISO_8859_1));
            bytes.release();
        }
        return text.toString().replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    /** Records what the session reports. */
    private final class RecordingRoute implements RouteEvents {
        @Override
        public void streamUsable(OutboundSession session) {
            events.add("usable");
        }

        @Override
        public void verifyAnswered(OutboundSession session, DialbackElement answer) {
            events.add("verify " + answer.id() + " " + answer.type().orElse(""));
        }

        @Override
        public void ready(OutboundSession session) {
            events.add("ready");
        }

        @Override
        public void failed(OutboundSession session, StanzaErrorCondition condition, String reason) {
            events.add("failed " + condition.elementName());
        }

        @Override
        public void sessionClosed(OutboundSession session, SessionEnd end, String reason) {
            events.add("closed " + end);
        }
    }
}
