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

    private int runUac(InetSocketAddress edge) {
        try (SippAgent uac = SippAgent.scenario(getClass().getResource("sipp/uac_message.xml"))
                .service("bob").key("rdomain", "edge.test").calls(1).timeLimit(Duration.ofSeconds(15))
                .callTo(edge)) {
            return uac.awaitExit(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError(uac.log()));
        }
    }
}
