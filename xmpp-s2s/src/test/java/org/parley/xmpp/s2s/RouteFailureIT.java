package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.testkit.Loopback;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.AddressResolution;
import org.parley.xmpp.dns.ConnectTarget;
import org.parley.xmpp.dns.DnsFailure;
import org.parley.xmpp.dns.DnsSettings;
import org.parley.xmpp.dns.PeerResolver;
import org.parley.xmpp.dns.Resolution;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/** Routes that cannot be set up: every queued stanza comes back to its sender with the right condition. */
class RouteFailureIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingInbound inbound = new RecordingInbound();
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket silent;
    private XmppFederation gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.stop();
        }
        if (silent != null) {
            silent.close();
        }
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void bouncesQueuedStanzasWithRemoteServerNotFoundWhenDnsFails() throws Exception {
        start(PeerPolicy.open(), 1000);
        for (int i = 0; i < 3; i++) {
            gateway.send(message("m" + i, "bob@nowhere.test"));
        }
        for (int i = 0; i < 3; i++) {
            Stanza bounce = RecordingInbound.next(inbound.bounced, WAIT);
            assertThat(bounce.to()).isEqualTo(Jid.of("alice@gw.test/phone"));
            assertThat(condition(bounce)).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
        }
    }

    @Test
    void bouncesWithRemoteServerTimeoutWhenThePeerNeverAnswers() throws Exception {
        startSilentPeer();
        start(PeerPolicy.open(), 1000);
        gateway.send(message("t1", "bob@silent.test"));
        Stanza bounce = RecordingInbound.next(inbound.bounced, WAIT);
        assertThat(bounce.id()).isEqualTo("t1");
        assertThat(condition(bounce)).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
    }

    @Test
    void boundsTheQueueOfARouteBeingSetUp() throws Exception {
        startSilentPeer();
        start(PeerPolicy.open(), 2);
        for (int i = 0; i < 5; i++) {
            gateway.send(message("q" + i, "bob@silent.test"));
        }
        List<StanzaErrorCondition> conditions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            conditions.add(condition(RecordingInbound.next(inbound.bounced, WAIT)));
        }
        assertThat(conditions).containsExactlyInAnyOrder(StanzaErrorCondition.RESOURCE_CONSTRAINT,
                StanzaErrorCondition.RESOURCE_CONSTRAINT, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
    }

    @Test
    void backsOffAfterAFailureBouncingAtOnceWithoutNewLookups() throws Exception {
        start(PeerPolicy.open(), 1000);
        gateway.send(message("b1", "bob@nowhere.test"));
        RecordingInbound.next(inbound.bounced, WAIT);
        int before = lookups.get();
        gateway.send(message("b2", "bob@nowhere.test"));
        assertThat(condition(RecordingInbound.next(inbound.bounced, WAIT)))
                .isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
        assertThat(lookups.get()).isEqualTo(before);
    }

    @Test
    void doesNotConnectToADomainThePolicyRefuses() throws Exception {
        start(domain -> new PeerDecision.Refused(domain, "is not on the allow list"), 1000);
        gateway.send(message("p1", "bob@evil.test"));
        assertThat(condition(RecordingInbound.next(inbound.bounced, WAIT)))
                .isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
        assertThat(lookups.get()).isZero();
    }

    @Test
    void refusesToSendFromADomainItDoesNotServe() throws Exception {
        start(PeerPolicy.open(), 1000);
        Stanza relayed = Stanza.of(StanzaKind.MESSAGE, Jid.of("eve@third.test"), Jid.of("bob@nowhere.test"), "r",
                "chat", List.of());
        assertThatThrownBy(() -> gateway.send(relayed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersPingToItsOwnDomainLocally() throws Exception {
        start(PeerPolicy.open(), 1000);
        gateway.send(Stanza.of(StanzaKind.IQ, Jid.of("alice@gw.test/phone"), Jid.of("gw.test"), "local", "get",
                List.of(XmlElement.builder("urn:xmpp:ping", "ping").build())));
        Stanza delivered = RecordingInbound.next(inbound.received, WAIT);
        assertThat(delivered.type()).isEqualTo("result");
        assertThat(delivered.to()).isEqualTo(Jid.of("alice@gw.test/phone"));
    }

    private static StanzaErrorCondition condition(Stanza bounce) {
        return StanzaError.from(bounce.element()).orElseThrow().condition();
    }

    private static Stanza message(String id, String to) {
        return Stanza.of(StanzaKind.MESSAGE, Jid.of("alice@gw.test/phone"), Jid.of(to), id, "chat",
                List.of(XmlElement.builder(XmppNamespaces.SERVER, "body").text("hello").build()));
    }

    private void startSilentPeer() throws Exception {
        String ip = Loopback.freeAddress();
        silent = new ServerSocket();
        silent.bind(new InetSocketAddress(ip, 0));
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

    private void start(PeerPolicy policy, int queueSize) {
        PeerResolver resolver = new PeerResolver() {
            @Override
            public CompletionStage<Resolution> resolveServer(String domain) {
                lookups.incrementAndGet();
                if (domain.equals("silent.test") && silent != null) {
                    return CompletableFuture.completedFuture(new Resolution.Found(List.of(new ConnectTarget(
                            silent.getInetAddress().getHostAddress(), silent.getLocalPort(), false))));
                }
                return CompletableFuture.completedFuture(new Resolution.Failed(DnsFailure.NOT_FOUND, domain));
            }

            @Override
            public CompletionStage<AddressResolution> resolveAddresses(String host) {
                try {
                    return CompletableFuture.completedFuture(new AddressResolution.Found(
                            List.of(InetAddress.getByName(host))));
                } catch (Exception e) {
                    return CompletableFuture.completedFuture(new AddressResolution.Failed(DnsFailure.NOT_FOUND, host));
                }
            }
        };
        S2sSettings settings = new S2sSettings(Set.of("gw.test"), new InetSocketAddress("127.0.0.1", 0),
                TlsSettings.disabled(), new DialbackKeys(InboundHarness.SECRET),
                new DnsSettings(Optional.empty(), Duration.ofSeconds(1)),
                S2sLimits.defaults().withQueueSize(queueSize),
                S2sTimeouts.defaults().withConnect(Duration.ofSeconds(1)).withBackoff(Duration.ofSeconds(30),
                        Duration.ofMinutes(5)));
        gateway = new XmppFederation(settings, policy, resolver, inbound, new SimpleMeterRegistry());
    }
}
