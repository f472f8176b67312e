package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.xmpp.s2s.ProsodyFixture.GATEWAY;
import static org.parley.xmpp.s2s.ProsodyFixture.PROSODY;
import static org.parley.xmpp.s2s.ProsodyFixture.WAIT;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;

/**
 * Acceptance against real Prosody 0.12 in its three s2s modes: Prosody finds the gateway through SRV in dnsmasq
 * and authenticates to it, the gateway authenticates back to Prosody's domain, and a Prosody user's XEP-0199 ping
 * and XEP-0030 disco#info to the gateway's domain are answered. Also the allow list, and certificates that must
 * not authenticate (ROBUSTNESS 12).
 */
class ProsodyFederationIT {

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final ProsodyFixture fixture = new ProsodyFixture();

    @AfterEach
    void stopAll() {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(ProsodyServer.Mode.class)
    void prosodyUserPingsAndDiscoversTheGatewayDomain(ProsodyServer.Mode mode) throws Exception {
        fixture.mode = mode;
        fixture.start();

        assertThat(ping().getType()).isEqualTo(IQ.Type.result);
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(fixture.alice).discoverInfo(JidCreate.from(GATEWAY));
        assertThat(info.getIdentities()).anySatisfy(identity -> {
            assertThat(identity.getCategory()).isEqualTo("gateway");
            assertThat(identity.getType()).isEqualTo("sip");
        });
        assertThat(info.containsFeature("urn:xmpp:ping")).isTrue();

        String mechanism = mode == ProsodyServer.Mode.TLS ? "external" : "dialback";
        assertThat(fixture.authentications("inbound", mechanism)).as("Prosody authenticated to " + GATEWAY).isPositive();
        assertThat(fixture.authentications("outbound", mechanism)).as(GATEWAY + " authenticated to Prosody").isPositive();
    }

    @Test
    void refusesADomainOffTheAllowListAndAcceptsItOnceAdded() throws Exception {
        fixture.policy = domain -> allowed.contains(domain) ? PeerDecision.Permitted.open(domain)
                : new PeerDecision.Refused(domain, "is not on the allow list");
        fixture.start();

        assertThatThrownBy(this::ping).isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(fixture.prosody.awaitLogLine(l -> l.contains("policy-violation") || l.contains("not on the allow list"),
                WAIT)).as("Prosody's log names the refusal").isPresent();
        assertThat(fixture.registry.find("parley.xmpp.s2s.refused").tag("reason", "policy").counter().count())
                .isPositive();

        allowed.add(PROSODY);
        assertThat(ping().getType()).isEqualTo(IQ.Type.result);
    }

    /** Certificates that must not authenticate {@value ProsodyFixture#PROSODY} (ROBUSTNESS 12). */
    enum BadCertificate { SELF_SIGNED, OTHER_DOMAIN, EXPIRED }

    @ParameterizedTest
    @EnumSource(BadCertificate.class)
    void usesDialbackOverTlsNotExternalWhenProsodysCertificateIsNotAcceptable(BadCertificate kind) throws Exception {
        fixture.mode = ProsodyServer.Mode.TLS;
        fixture.prosodyCertificate = switch (kind) {
            case SELF_SIGNED -> fixture.pki.selfSigned(PROSODY);
            case OTHER_DOMAIN -> fixture.pki.issue("rogue.test");
            case EXPIRED -> fixture.pki.expired(PROSODY);
        };
        fixture.start();

        assertThat(ping().getType()).isEqualTo(IQ.Type.result);
        assertThat(fixture.authentications("inbound", "dialback")).isPositive();
        assertThat(fixture.authentications("outbound", "dialback")).isPositive();
        assertThat(fixture.authentications("inbound", "external") + fixture.authentications("outbound", "external"))
                .as("EXTERNAL with a certificate the gateway must not accept").isZero();
    }

    @Test
    void refusesProsodyWithAnUntrustedCertificateWhenPolicyRequiresExternal() throws Exception {
        fixture.mode = ProsodyServer.Mode.TLS;
        fixture.prosodyCertificate = fixture.pki.issue("rogue.test");
        fixture.policy = domain -> new PeerDecision.Permitted(domain, TlsRequirement.REQUIRED, AuthRequirement.EXTERNAL,
                Optional.empty(), OptionalInt.empty());
        fixture.start();

        assertThatThrownBy(this::ping).isInstanceOf(XMPPException.XMPPErrorException.class);
        assertThat(fixture.authentications("inbound", "external") + fixture.authentications("inbound", "dialback"))
                .isZero();
        assertThat(fixture.registry.find("parley.xmpp.s2s.authentications").tag("outcome", "success").counters())
                .as("no authentication of the certificate for rogue.test in either direction").isEmpty();
    }

    @Test
    void federatesOverDirectTlsBothWaysWhenOnlyXmppsServerRecordsArePublished() throws Exception {
        int prosodyDirect = Loopback.freePort(fixture.prosodyIp);
        fixture.mode = ProsodyServer.Mode.TLS;
        fixture.gatewaySrv = false;
        fixture.prosodySrv = false;
        fixture.records = zone -> zone
                .srv("_xmpps-server._tcp." + GATEWAY, GATEWAY, fixture.gatewayPort, 0, 5)
                .srv("_xmpps-server._tcp." + PROSODY, PROSODY, prosodyDirect, 0, 5);
        fixture.prosodyOptions = prosody -> prosody.directTlsPort(prosodyDirect);
        fixture.start();

        assertThat(ping().getType()).isEqualTo(IQ.Type.result);
        assertThat(fixture.authentications("inbound", "external")).as("Prosody came in over direct TLS").isPositive();
        assertThat(fixture.authentications("outbound", "external")).as("the gateway went out over direct TLS")
                .isPositive();
    }

    private IQ ping() throws Exception {
        return fixture.alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.domainBareFrom(GATEWAY)));
    }
}
