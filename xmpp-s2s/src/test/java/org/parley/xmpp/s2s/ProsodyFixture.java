package org.parley.xmpp.s2s;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.parley.pki.IssuedCertificate;
import org.parley.testkit.DnsmasqServer;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;
import org.parley.testkit.XmppClients;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.DnsSettings;

/**
 * The gateway's s2s service for {@value #GATEWAY} and a real Prosody 0.12 for {@value #PROSODY}, each found by the
 * other through SRV records in a test dnsmasq, with the Prosody user alice logged in over Smack. Set the public
 * fields, then {@link #start()}; {@link #close()} stops everything it started.
 */
final class ProsodyFixture implements AutoCloseable {

    static final String GATEWAY = "gw.test";
    static final String PROSODY = "jabber.test";
    static final Duration WAIT = Duration.ofSeconds(20);

    final TestPki pki = new TestPki();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final String gatewayIp = Loopback.freeAddress();
    final int gatewayPort = Loopback.freePort(gatewayIp);
    final String prosodyIp = Loopback.freeAddress();

    ProsodyServer.Mode mode = ProsodyServer.Mode.PLAIN;
    PeerPolicy policy = PeerPolicy.open();
    XmppInbound inbound = new RecordingInbound();
    UnaryOperator<S2sTimeouts> timeouts = t -> t;
    /** Prosody's certificate; issued by the test CA for {@value #PROSODY} when null. */
    IssuedCertificate prosodyCertificate;
    /** Extra records, added after the SRV records of both servers. */
    Consumer<DnsmasqServer.Builder> records = b -> { };
    /** Adjusts Prosody before start. */
    Consumer<ProsodyServer.Builder> prosodyOptions = b -> { };
    /** Whether the gateway's domain is published as {@code _xmpp-server} (STARTTLS) in DNS. */
    boolean gatewaySrv = true;
    /** Whether Prosody's domain is published as {@code _xmpp-server} (STARTTLS) in DNS. */
    boolean prosodySrv = true;
    /** Prosody's s2s ports, chosen before DNS is written. */
    final int prosodyC2s = Loopback.freePort(prosodyIp);
    final int prosodyS2s = Loopback.freePort(prosodyIp);

    DnsmasqServer dns;
    XmppFederation gateway;
    ProsodyServer prosody;
    XMPPTCPConnection alice;

    ProsodyFixture start() throws Exception {
        DnsmasqServer.Builder zone = DnsmasqServer.builder().address(GATEWAY, gatewayIp).address(PROSODY, prosodyIp);
        if (prosodySrv) {
            zone.srv("_xmpp-server._tcp." + PROSODY, PROSODY, prosodyS2s, 0, 5);
        }
        if (gatewaySrv) {
            zone.srv("_xmpp-server._tcp." + GATEWAY, GATEWAY, gatewayPort, 0, 5);
        }
        records.accept(zone);
        dns = zone.start(Loopback.freeAddress());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        S2sSettings settings = new S2sSettings(Set.of(GATEWAY), new InetSocketAddress(gatewayIp, gatewayPort),
                pki.tls(TlsMode.OPTIONAL, pki.issue(GATEWAY)), new DialbackKeys(secret),
                new DnsSettings(Optional.of(dns.address()), Duration.ofSeconds(2)), S2sLimits.defaults(),
                timeouts.apply(S2sTimeouts.defaults().withConnect(Duration.ofSeconds(15))));
        gateway = new XmppFederation(settings, policy, inbound, registry);
        gateway.start();
        IssuedCertificate certificate = prosodyCertificate != null ? prosodyCertificate
                : mode == ProsodyServer.Mode.TLS_DIALBACK ? pki.selfSigned(PROSODY) : pki.issue(PROSODY);
        ProsodyServer.Builder builder = ProsodyServer.builder(PROSODY).ip(prosodyIp).ports(prosodyC2s, prosodyS2s).mode(mode)
                .dns(dns.address()).certificate(certificate).trust(pki.ca).user("alice", "alice-secret");
        prosodyOptions.accept(builder);
        prosody = builder.start();
        alice = XmppClients.login(prosody, "alice", "alice-secret", WAIT);
        return this;
    }

    /** The number of successful authentications of {@value #PROSODY} in one direction with one mechanism. */
    double authentications(String direction, String mechanism) {
        var counter = registry.find("parley.xmpp.s2s.authentications").tag("direction", direction)
                .tag("mechanism", mechanism).tag("outcome", "success").tag("domain", PROSODY).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Streams of the gateway in {@code direction} (inbound|outbound) and {@code state} (negotiating|authenticated). */
    int sessions(String direction, String state) {
        return gateway.metrics().sessions(direction, state);
    }

    /** Waits until {@code condition} holds, checking every 20 ms; false after {@code timeout}. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return true;
    }


    @Override
    public void close() {
        if (alice != null) {
            alice.disconnect();
        }
        if (prosody != null) {
            prosody.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
        if (dns != null) {
            dns.close();
        }
    }
}
