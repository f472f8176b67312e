package org.parley.xmpp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testkit.DnsmasqServer;

/** Against a real dnsmasq on loopback. */
class DnsJavaPeerResolverIT {

    private static DnsmasqServer dns;
    private static DnsJavaPeerResolver resolver;

    @BeforeAll
    static void startDns() {
        dns = DnsmasqServer.builder()
                .address("jabber.test", "127.0.0.2")
                .srv("_xmpp-server._tcp.jabber.test", "jabber.test", 5269, 0, 5)
                .address("xmpp1.multi.test", "127.0.0.11")
                .address("xmpp2.multi.test", "127.0.0.12")
                .srv("_xmpp-server._tcp.multi.test", "xmpp2.multi.test", 5270, 20, 5)
                .srv("_xmpp-server._tcp.multi.test", "xmpp1.multi.test", 5269, 10, 5)
                .srv("_xmpps-server._tcp.multi.test", "xmpp1.multi.test", 5223, 10, 5)
                .address("nosrv.test", "127.0.0.13")
                .srvNotOffered("_xmpp-server._tcp.closed.test")
                .start("127.0.0.53");
        resolver = new DnsJavaPeerResolver(new DnsSettings(Optional.of(dns.address()), Duration.ofSeconds(2)),
                new SplittableRandom(1));
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Resolution server(String domain) throws Exception {
        return resolver.resolveServer(domain).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void findsTheSrvTarget() throws Exception {
        assertThat(server("jabber.test")).isEqualTo(new Resolution.Found(
                java.util.List.of(new ConnectTarget("jabber.test", 5269, false))));
    }

    @Test
    void directTlsTargetsComeFirstThenStartTlsTargetsByPriority() throws Exception {
        assertThat(server("multi.test")).isEqualTo(new Resolution.Found(java.util.List.of(
                new ConnectTarget("xmpp1.multi.test", 5223, true),
                new ConnectTarget("xmpp1.multi.test", 5269, false),
                new ConnectTarget("xmpp2.multi.test", 5270, false))));
    }

    @Test
    void fallsBackToTheDomainOnPort5269WithoutSrvRecords() throws Exception {
        assertThat(server("nosrv.test")).isEqualTo(new Resolution.Found(
                java.util.List.of(new ConnectTarget("nosrv.test", 5269, false))));
    }

    @Test
    void srvTargetDotMeansTheServiceIsNotOffered() throws Exception {
        assertThat(server("closed.test")).isInstanceOfSatisfying(Resolution.Failed.class,
                failed -> assertThat(failed.failure()).isEqualTo(DnsFailure.SERVICE_UNAVAILABLE));
    }

    @Test
    void resolvesAddresses() throws Exception {
        assertThat(resolver.resolveAddresses("xmpp2.multi.test").toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isEqualTo(new AddressResolution.Found(java.util.List.of(InetAddress.getByName("127.0.0.12"))));
    }

    @Test
    void unknownHostIsNotFound() throws Exception {
        assertThat(resolver.resolveAddresses("missing.test").toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(AddressResolution.Failed.class,
                        failed -> assertThat(failed.failure()).isEqualTo(DnsFailure.NOT_FOUND));
    }

    @Test
    void aResolverThatNeverAnswersGivesATimeoutValue() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.54", 0))) {
            var mute = new DnsJavaPeerResolver(new DnsSettings(
                    Optional.of((InetSocketAddress) silent.getLocalSocketAddress()), Duration.ofMillis(300)),
                    new SplittableRandom(1));
            long start = System.nanoTime();
            Resolution resolution = mute.resolveServer("jabber.test").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class,
                    failed -> assertThat(failed.failure()).isEqualTo(DnsFailure.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
