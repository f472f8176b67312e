package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;

/** Starts real Prosody instances in each mode and stops them again. */
class ProsodyServerIT {

    private static DnsmasqServer dns;

    @BeforeAll
    static void startDns() {
        dns = DnsmasqServer.builder().address("harness.test", "127.0.0.41").start("127.0.0.53");
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @ParameterizedTest
    @EnumSource(ProsodyServer.Mode.class)
    void listensInEachModeAndStopsOnClose(ProsodyServer.Mode mode) throws Exception {
        DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
        IssuedCertificate ca = pki.createCa("Harness CA");
        ProsodyServer prosody = ProsodyServer.builder("harness.test").ip("127.0.0.41").mode(mode)
                .dns(dns.address()).certificate(pki.issue(ca, java.util.List.of("harness.test"))).trust(ca)
                .user("alice", "secret").start();
        InetSocketAddress s2s = prosody.s2sAddress();
        try {
            assertThat(prosody.awaitLogLine(l -> l.contains("Activated service 's2s'"), Duration.ofSeconds(5)))
                    .isPresent();
            assertThat(prosody.log()).contains("Hello and welcome to Prosody");
        } finally {
            prosody.close();
        }
        assertThat(accepts(s2s)).as("s2s port after close").isFalse();
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
