package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.SippAgent;

/** The gateway as presence notifier (RFC 6665 §4.2, RFC 3856) for a sipp watcher behind the edge. */
class SipWatcherIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SipBody PIDF = SipBody.text("application/pidf+xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
                    + "entity=\"sip:alice@gw.test\"><tuple id=\"t1\"><status><basic>open</basic></status></tuple>"
                    + "</presence>");

    private final TestPki pki = new TestPki();
    private final InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
    private KamailioEdge edge;
    private SipFederation gateway;
    private SippAgent watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void acceptsNotifiesPidfAnswersRefreshWithNotifyAndEndsUnsubscribeWithTerminatedNotify() throws Exception {
        RecordingInbound inbound = RecordingInbound.answering(200)
                .deciding(n -> n.accept(Duration.ofSeconds(30), WatcherState.ACTIVE, Optional.of(PIDF)));
        start(inbound);

        watcher = watch("uac_subscribe.xml", "60");

        WatcherEvent.Subscribed subscribed = (WatcherEvent.Subscribed) next(inbound);
        assertThat(subscribed.requested()).isEqualTo(Duration.ofSeconds(60));
        assertThat(subscribed.request().requestUri()).isEqualTo("sip:alice@gw.test");
        assertThat(subscribed.request().from()).isEqualTo("sip:sipp@edge.test");
        WatcherEvent.Established established = (WatcherEvent.Established) next(inbound);
        assertThat(established.id()).isEqualTo(subscribed.id());
        assertThat(established.expires()).isEqualTo(Duration.ofSeconds(30));
        assertThat(established.dialog()).satisfies(dialog -> {
            assertThat(dialog.callId()).isEqualTo(subscribed.id().callId());
            assertThat(dialog.localTag()).isEqualTo(subscribed.id().localTag());
            assertThat(dialog.localUri()).isEqualTo("sip:alice@gw.test");
            assertThat(dialog.remoteUri()).isEqualTo("sip:sipp@edge.test");
            assertThat(dialog.remoteTag()).isNotEmpty();
            assertThat(dialog.remoteTarget()).startsWith("sip:sipp@");
        });
        WatcherEvent.Refreshed refreshed = (WatcherEvent.Refreshed) next(inbound);
        assertThat(refreshed.id()).isEqualTo(subscribed.id());
        assertThat(refreshed.expires()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refreshed.dialog()).hasValueSatisfying(dialog ->
                assertThat(dialog.remoteTag()).isEqualTo(established.dialog().remoteTag()));
        assertThat(next(inbound)).isEqualTo(new WatcherEvent.Ended(subscribed.id(),
                WatcherEvent.EndReason.UNSUBSCRIBED, "unsubscribed"));
        assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + edge.log()).hasValue(0);
        String trace = watcher.messageTrace();
        assertThat(trace).contains("Expires: 30", "Subscription-State: active;expires=",
                "Subscription-State: terminated;reason=timeout",
                "Contact: <sip:gw.test:" + gatewayAddress.getPort() + ";transport=tls>",
                "Via: SIP/2.0/TLS gw.test:" + gatewayAddress.getPort());
        assertThat(subscribed.notifier().notify(WatcherState.ACTIVE, Optional.of(PIDF))).isFalse();
    }

    @Test
    void acceptsAsPendingWhenTheApplicationIsSilentAndEndsWithTimeoutAtExpiry() throws Exception {
        RecordingInbound inbound = RecordingInbound.answering(200);
        start(inbound);

        watcher = watch("uac_subscribe_expiry.xml", "3");

        WatcherEvent.Subscribed subscribed = (WatcherEvent.Subscribed) next(inbound);
        assertThat(subscribed.requested()).isEqualTo(Duration.ofSeconds(3));
        assertThat(next(inbound)).isInstanceOf(WatcherEvent.Established.class);
        WatcherEvent ended = next(inbound);
        assertThat(ended).isEqualTo(new WatcherEvent.Ended(subscribed.id(), WatcherEvent.EndReason.EXPIRED,
                "not refreshed in time"));
        assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + edge.log()).hasValue(0);
        assertThat(watcher.messageTrace()).contains("Subscription-State: pending;expires=",
                "Subscription-State: terminated;reason=timeout");
    }

    @Test
    void refusesWhenTheApplicationRejectsAndKeepsNoDialog() throws Exception {
        RecordingInbound inbound = RecordingInbound.answering(200).deciding(n -> n.reject(403));
        start(inbound);

        watcher = watch("uac_subscribe_refused.xml", "60");

        WatcherEvent.Subscribed subscribed = (WatcherEvent.Subscribed) next(inbound);
        assertThat(next(inbound)).isEqualTo(new WatcherEvent.Ended(subscribed.id(), WatcherEvent.EndReason.TERMINATED,
                "rejected with 403"));
        assertThat(watcher.awaitExit(WAIT)).as(watcher.log() + edge.log()).hasValue(0);
        assertThat(subscribed.notifier().accept(Duration.ofSeconds(60), WatcherState.ACTIVE, Optional.empty()))
                .isFalse();
    }

    private void start(RecordingInbound inbound) throws SipStartException {
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test")
                .gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                pki.tls(pki.gateway)), inbound, new SimpleMeterRegistry());
    }

    private SippAgent watch(String scenario, String expires) {
        return SippAgent.scenario(getClass().getResource("sipp/" + scenario)).service("alice")
                .key("rdomain", "gw.test").key("expires", expires).calls(1).timeLimit(Duration.ofSeconds(20))
                .callTo(edge.tcpAddress());
    }

    private WatcherEvent next(RecordingInbound inbound) throws InterruptedException {
        try {
            return inbound.nextWatcherEvent(WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + watcher.log() + "\n" + edge.log(), e);
        }
    }
}
