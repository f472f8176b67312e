package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.pki.IssuedCertificate;
import org.parley.testkit.DnsmasqServer;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.DnsSettings;

/**
 * Acceptance against real Prosody 0.12 in its three s2s modes: Prosody finds the gateway through SRV in dnsmasq
 * and authenticates to it, the gateway authenticates back to Prosody's domain, and a Prosody user's XEP-0199 ping
 * and XEP-0030 disco#info to the gateway's domain are answered.
 */
class ProsodyFederationIT {

    private static final String GATEWAY = "gw.test";
    private static final String PROSODY = "jabber.test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TestPki pki = new TestPki();
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingInbound inbound = new RecordingInbound();
    private DnsmasqServer dns;
    private XmppFederation gateway;
    private ProsodyServer prosody;
    private XMPPTCPConnection alice;

    @AfterEach
    void stopAll() {
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

    @ParameterizedTest
    @EnumSource(ProsodyServer.Mode.class)
    void prosodyUserPingsAndDiscoversTheGatewayDomain(ProsodyServer.Mode mode) throws Exception {
        allowed.add(PROSODY);
        start(mode);

        assertThat(alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.domainBareFrom(GATEWAY))).getType())
                .isEqualTo(IQ.Type.result);
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(JidCreate.from(GATEWAY));
        assertThat(info.getIdentities()).anySatisfy(identity -> {
            assertThat(identity.getCategory()).isEqualTo("gateway");
            assertThat(identity.getType()).isEqualTo("sip");
        });
        assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();

        String mechanism = mode == ProsodyServer.Mode.TLS ? "external" : "dialback";
        assertThat(authentications("inbound", mechanism)).as("Prosody authenticated to " + GATEWAY).isPositive();
        assertThat(authentications("outbound", mechanism)).as(GATEWAY + " authenticated to Prosody").isPositive();
    }

    @Test
    void refusesADomainOffTheAllowListAndAcceptsItOnceAdded() throws Exception {
        start(ProsodyServer.Mode.PLAIN);

        assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.domainBareFrom(GATEWAY))))
                .isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(prosody.awaitLogLine(l -> l.contains("policy-violation") || l.contains("not on the allow list"),
                WAIT)).as("Prosody's log names the refusal").isPresent();
        assertThat(registry.find("parley.xmpp.s2s.refused").tag("reason", "policy").counter().count()).isPositive();

        allowed.add(PROSODY);
        assertThat(alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.domainBareFrom(GATEWAY))).getType())
                .isEqualTo(IQ.Type.result);
    }

    private double authentications(String direction, String mechanism) {
        var counter = registry.find("parley.xmpp.s2s.authentications").tag("direction", direction)
                .tag("mechanism", mechanism).tag("outcome", "success").tag("domain", PROSODY).counter();
        return counter == null ? 0 : counter.count();
    }

    private void start(ProsodyServer.Mode mode) throws Exception {
        String gatewayIp = Loopback.freeAddress();
        int gatewayPort = Loopback.freePort(gatewayIp);
        String prosodyIp = Loopback.freeAddress();
        int c2s = Loopback.freePort(prosodyIp);
        int s2s = Loopback.freePort(prosodyIp);
        dns = DnsmasqServer.builder()
                .address(GATEWAY, gatewayIp).srv("_xmpp-server._tcp." + GATEWAY, GATEWAY, gatewayPort, 0, 5)
                .address(PROSODY, prosodyIp).srv("_xmpp-server._tcp." + PROSODY, PROSODY, s2s, 0, 5)
                .start(Loopback.freeAddress());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        S2sSettings settings = new S2sSettings(Set.of(GATEWAY), new InetSocketAddress(gatewayIp, gatewayPort),
                pki.tls(TlsMode.OPTIONAL, pki.issue(GATEWAY)), new DialbackKeys(secret),
                new DnsSettings(Optional.of(dns.address()), Duration.ofSeconds(2)), S2sLimits.defaults(),
                S2sTimeouts.defaults().withConnect(Duration.ofSeconds(15)));
        PeerPolicy policy = domain -> allowed.contains(domain) ? PeerDecision.Permitted.open(domain)
                : new PeerDecision.Refused(domain, "is not on the allow list");
        gateway = new XmppFederation(settings, policy, inbound, registry);
        gateway.start();

        IssuedCertificate prosodyCert = mode == ProsodyServer.Mode.TLS_DIALBACK ? pki.selfSigned(PROSODY)
                : pki.issue(PROSODY);
        prosody = ProsodyServer.builder(PROSODY).ip(prosodyIp).ports(c2s, s2s).mode(mode).dns(dns.address())
                .certificate(prosodyCert).trust(pki.ca).user("alice", "alice-secret").start();
        alice = login(prosody, "alice", "alice-secret");
    }

    private static XMPPTCPConnection login(ProsodyServer server, String user, String password) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHostAddress(InetAddress.getByName(server.ip()))
                .setPort(server.c2sAddress().getPort())
                .setUsernameAndPassword(user, password)
                .setSecurityMode(XMPPTCPConnectionConfiguration.SecurityMode.disabled)
                .setResource("test")
                .build();
        XMPPTCPConnection connection = new XMPPTCPConnection(config);
        connection.setReplyTimeout(WAIT.toMillis());
        connection.connect().login();
        return connection;
    }
}
