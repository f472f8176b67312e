package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;

class KamailioEdgeIT {

    private final DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
    private final IssuedCertificate ca = pki.createCa("Harness Test CA");

    @Test
    void relaysMessageFromSippUacToSippUasAndSurvivesRestart() {
        try (SippAgent uas = SippAgent.scenario(getClass().getResource("sipp/uas_message.xml"))
                .substitute("STATUS", "200").calls(2).timeLimit(Duration.ofSeconds(30)).listen();
             KamailioEdge edge = KamailioEdge.builder().domain("edge.test").userAgent(uas.localAddress())
                     .tls(pki.issue(ca, List.of("edge.test")), List.of(ca.cert())).start()) {
            assertThat(runUac(edge.tcpAddress())).as(edge.log()).isEqualTo(0);
            long firstPid = edge.pid();

            edge.restart();

            assertThat(edge.pid()).isNotEqualTo(firstPid);
            assertThat(runUac(edge.tcpAddress())).as(edge.log()).isEqualTo(0);
            assertThat(uas.awaitExit(Duration.ofSeconds(10))).hasValue(0);
            assertThat(edge.log()).contains("edge: relaying MESSAGE sip:bob@edge.test");
        }
    }

    @Test
    void asPresenceServerItAnswersPublishAndSubscribeAndNotifiesTheWatchersContactByName() {
        String watcherIp = Loopback.freeAddress();
        int watcherPort = Loopback.freePort(watcherIp);
        try (KamailioEdge edge = KamailioEdge.builder().domain("edge.test")
                .tls(pki.issue(ca, List.of("edge.test")), List.of(ca.cert()))
                .gateway(new InetSocketAddress(watcherIp, watcherPort), "gw.test")
                .presenceServer(new KamailioPresence(Duration.ofSeconds(10), List.of())).start()) {
            try (SippAgent publisher = SippAgent.scenario(getClass().getResource("sipp/uac_publish.xml"))
                    .service("bob").key("rdomain", "edge.test").substitute("NOTE", "at my desk")
                    .calls(1).timeLimit(Duration.ofSeconds(15)).callTo(edge.tcpAddress())) {
                assertThat(publisher.awaitExit(Duration.ofSeconds(20))).as(publisher.log() + edge.log()).hasValue(0);
                assertThat(publisher.messageTrace()).as("the granted expiry capped").contains("Expires: 10");
            }
            try (SippAgent watcher = SippAgent.scenario(getClass().getResource("sipp/uac_subscribe.xml"))
                    .ip(watcherIp).port(watcherPort).service("bob").key("rdomain", "edge.test")
                    .substitute("CONTACT_HOST", "gw.test")
                    .calls(1).timeLimit(Duration.ofSeconds(15)).callTo(edge.tcpAddress())) {
                assertThat(watcher.awaitExit(Duration.ofSeconds(20))).as(watcher.log() + edge.log()).hasValue(0);
                assertThat(watcher.messageTrace()).contains("NOTIFY sip:gw.test:" + watcherPort + ";transport=tcp")
                        .contains("Subscription-State: active;expires=10").contains("<note>at my desk</note>");
            }
            assertThat(edge.log()).contains("edge: presence SUBSCRIBE to=[sip:bob@edge.test]")
                    .containsPattern("presence NOTIFY to watcher@edge\\.test .* answered \\[200]");
        }
    }

    private int runUac(InetSocketAddress edge) {
        try (SippAgent uac = SippAgent.scenario(getClass().getResource("sipp/uac_message.xml"))
                .service("bob").key("rdomain", "edge.test").calls(1).timeLimit(Duration.ofSeconds(15))
                .callTo(edge)) {
            return uac.awaitExit(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError(uac.log()));
        }
    }
}
