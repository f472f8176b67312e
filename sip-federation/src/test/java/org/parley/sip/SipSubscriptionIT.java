package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.SubscriptionEvent.SubscriptionState;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.SippAgent;

/** A presence subscription (RFC 6665, RFC 3856) against a sipp notifier behind the edge. */
class SipSubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final TestPki pki = new TestPki();
    private final RecordingInbound inbound = RecordingInbound.answering(200);
    private final InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
    private SippAgent notifier;
    private KamailioEdge edge;
    private SipFederation gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (edge != null) {
            edge.close();
        }
        if (notifier != null) {
            notifier.close();
        }
    }

    /**
     * With {@code chosenCallId}, the caller names the subscription before sending and the dialog carries it. The
     * notifier of {@code uas_subscribe_notify_first.xml} sends its first NOTIFY before the 200 to the SUBSCRIBE (RFC
     * 6665 §4.1.2.4); the refresh and the unsubscribe then go in the dialog the 200 established.
     */
    @ParameterizedTest(name = "Call-ID chosen by the caller: {0}, notifier {1}")
    @CsvSource({"false, uas_subscribe.xml", "true, uas_subscribe.xml", "false, uas_subscribe_notify_first.xml"})
    void subscribesReceivesInitialNotifyRefreshesBeforeExpiryAndTerminates(boolean chosenCallId, String scenario)
            throws Exception {
        notifier = SippAgent.scenario(getClass().getResource("sipp/" + scenario)).calls(1)
                .timeLimit(Duration.ofSeconds(40)).listen();
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .userAgent(notifier.localAddress()).gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                pki.tls(pki.gateway)), inbound, new SimpleMeterRegistry());

        SubscribeRequest request = SubscribeRequest.presence("sip:alice@gw.test", "sip:bob@edge.test",
                Duration.ofSeconds(4));
        SubscriptionId id;
        if (chosenCallId) {
            id = SubscriptionId.unique();
            gateway.subscriber().subscribe(id, request);
        } else {
            id = gateway.subscriber().subscribe(request);
        }

        List<SubscriptionEvent> initial = List.of(next(), next());
        assertThat(initial).extracting(SubscriptionEvent::id).containsOnly(id);
        assertThat(initial).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SubscriptionEvent.Accepted.class,
                a -> {
                    assertThat(a.expires()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(a.refresh()).isFalse();
                    assertThat(a.dialog()).hasValueSatisfying(d -> {
                        assertThat(d.callId()).isEqualTo(id.callId());
                        assertThat(d.localUri()).isEqualTo("sip:alice@gw.test");
                        assertThat(d.remoteUri()).isEqualTo("sip:bob@edge.test");
                        assertThat(d.remoteTag()).isNotEmpty();
                    });
                }));
        assertThat(initial).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SubscriptionEvent.Notified.class,
                n -> {
                    assertThat(n.state()).isEqualTo(SubscriptionState.ACTIVE);
                    assertThat(n.body()).map(SipBody::text).hasValueSatisfying(t -> assertThat(t).contains("<basic>open"));
                }));

        long before = System.nanoTime();
        SubscriptionEvent refreshed = next();
        assertThat(refreshed).isInstanceOfSatisfying(SubscriptionEvent.Accepted.class, a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.expires()).isEqualTo(Duration.ofSeconds(4));
            assertThat(a.refresh()).isTrue();
            assertThat(a.dialog()).isPresent();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(4));

        gateway.subscriber().unsubscribe(id);

        List<SubscriptionEvent> ending = new ArrayList<>(List.of(next(), next()));
        assertThat(ending.get(0)).isInstanceOfSatisfying(SubscriptionEvent.Notified.class,
                n -> assertThat(n.state()).isEqualTo(SubscriptionState.TERMINATED));
        assertThat(ending.get(1)).isEqualTo(new SubscriptionEvent.Terminated(id, "timeout"));
        assertThat(notifier.awaitExit(WAIT)).as(notifier.log()).hasValue(0);
        assertThat(notifier.messageTrace()).contains("Contact: <sip:gw.test:" + gatewayAddress.getPort()
                + ";transport=tls>").contains("Call-ID: " + id.callId());
    }

    /**
     * A notifier wanting longer subscriptions answers 423 with Min-Expires 7200 (RFC 6665 §4.1.2.1): the gateway sends
     * the SUBSCRIBE again at once with Expires 7200 in the same call, and the subscription becomes active.
     */
    @Test
    void retriesA423AtOnceWithTheMinExpiresAndTheSubscriptionBecomesActive() throws Exception {
        notifier = SippAgent.scenario(getClass().getResource("sipp/uas_subscribe_min_expires.xml")).calls(1)
                .timeLimit(Duration.ofSeconds(40)).listen();
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .userAgent(notifier.localAddress()).gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                pki.tls(pki.gateway)), inbound, new SimpleMeterRegistry());

        SubscriptionId id = gateway.subscriber().subscribe(SubscribeRequest.presence("sip:alice@gw.test",
                "sip:bob@edge.test", Duration.ofSeconds(600)));

        List<SubscriptionEvent> initial = List.of(next(), next());
        assertThat(initial).extracting(SubscriptionEvent::id).containsOnly(id);
        assertThat(initial).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SubscriptionEvent.Accepted.class,
                a -> {
                    assertThat(a.expires()).isEqualTo(Duration.ofSeconds(7200));
                    assertThat(a.refresh()).isFalse();
                    assertThat(a.dialog()).hasValueSatisfying(d -> assertThat(d.callId()).isEqualTo(id.callId()));
                }));
        assertThat(initial).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SubscriptionEvent.Notified.class,
                n -> assertThat(n.state()).isEqualTo(SubscriptionState.ACTIVE)));

        gateway.subscriber().unsubscribe(id);

        assertThat(next()).isInstanceOfSatisfying(SubscriptionEvent.Notified.class,
                n -> assertThat(n.state()).isEqualTo(SubscriptionState.TERMINATED));
        assertThat(next()).isEqualTo(new SubscriptionEvent.Terminated(id, "timeout"));
        assertThat(notifier.awaitExit(WAIT)).as(notifier.log()).hasValue(0);
        assertThat(notifier.messageTrace()).contains("423 Interval Too Brief").contains("Expires: 600")
                .contains("Expires: 7200").contains("Call-ID: " + id.callId());
    }

    private SubscriptionEvent next() throws InterruptedException {
        try {
            return inbound.nextEvent(WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + notifier.log() + "\n" + edge.log(), e);
        }
    }
}
