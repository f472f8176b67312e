package org.parley.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.sip.AccessEdge;
import org.parley.testkit.DnsmasqServer;

/** RFC 3263 §4 edge location for TLS against a real dnsmasq. */
class EdgeResolverIT {

    private static DnsmasqServer dns;
    private static EdgeResolver resolver;

    @BeforeAll
    static void start() {
        dns = DnsmasqServer.builder()
                .address("edge1.naptr.test", "127.0.0.5").address("edge2.naptr.test", "127.0.0.6")
                .naptr("naptr.test", 10, 0, "s", "SIPS+D2T", "", "_sips._tcp.naptr.test")
                .naptr("naptr.test", 20, 0, "s", "SIP+D2U", "", "_sip._udp.naptr.test")
                .srv("_sips._tcp.naptr.test", "edge2.naptr.test", 5062, 20, 5)
                .srv("_sips._tcp.naptr.test", "edge1.naptr.test", 5061, 10, 5)
                .address("fed.srv.test", "127.0.0.8")
                .srv("_sipfederationtls._tcp.srv.test", "fed.srv.test", 5065, 0, 5)
                .address("plain.test", "127.0.0.9")
                .address("edge.direct.test", "127.0.0.10")
                .start("127.0.0.53");
        resolver = new EdgeResolver(Optional.of(dns.address()), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void followsNaptrToSipsSrvInPriorityOrder() {
        assertThat(resolver.resolve(new AccessEdge.Discovered("naptr.test"))).isInstanceOfSatisfying(
                EdgeResolution.Resolved.class, r -> assertThat(r.addresses()).containsExactly(
                        new InetSocketAddress("127.0.0.5", 5061), new InetSocketAddress("127.0.0.6", 5062)));
    }

    @Test
    void fallsBackToSipFederationTlsSrvWithoutNaptrOrSipsSrv() {
        assertThat(resolver.resolve(new AccessEdge.Discovered("srv.test"))).isInstanceOfSatisfying(
                EdgeResolution.Resolved.class,
                r -> assertThat(r.addresses()).containsExactly(new InetSocketAddress("127.0.0.8", 5065)));
    }

    @Test
    void fallsBackToAddressRecordOnPort5061() {
        assertThat(resolver.resolve(new AccessEdge.Discovered("plain.test"))).isInstanceOfSatisfying(
                EdgeResolution.Resolved.class,
                r -> assertThat(r.addresses()).containsExactly(new InetSocketAddress("127.0.0.9", 5061)));
    }

    @Test
    void resolvesConfiguredHostNameWithItsPort() {
        assertThat(resolver.resolve(AccessEdge.Direct.of("edge.direct.test", 15061))).isInstanceOfSatisfying(
                EdgeResolution.Resolved.class,
                r -> assertThat(r.addresses()).containsExactly(new InetSocketAddress("127.0.0.10", 15061)));
    }

    @Test
    void reportsUnknownDomainAsFailureValue() {
        assertThat(resolver.resolve(new AccessEdge.Discovered("missing.test")))
                .isInstanceOf(EdgeResolution.Failed.class);
    }
}
