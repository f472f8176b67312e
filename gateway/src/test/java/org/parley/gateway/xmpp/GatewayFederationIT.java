package org.parley.gateway.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testsupport.GatewayConfigFiles;
import org.parley.gateway.testsupport.ParleyProcess;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;
import org.parley.testkit.DnsmasqServer;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;
import org.parley.testkit.XmppClients;

/**
 * The whole gateway ({@code parley run}, the packaged jar) federating with a real Prosody found through SRV in a
 * real dnsmasq: the allow list in the store decides, a change made with {@code parley allow add} while the
 * gateway runs lets the next attempt through, and a message for an address that is no SIP user's gets an error
 * back instead of vanishing.
 */
class GatewayFederationIT {

    private static final String GATEWAY = "gw.test";
    private static final String PROSODY = "jabber.test";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private DnsmasqServer dns;
    private ProsodyServer prosody;
    private ParleyProcess gateway;
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
            gateway.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void allowListDecidesAndAChangeMadeWithTheCliTakesEffectWhileRunning() throws Exception {
        start();

        assertThatThrownBy(this::pingGateway).as("jabber.test is not on the allow list yet")
                .isInstanceOf(XMPPException.XMPPErrorException.class);
        gateway.awaitOutput(Pattern.compile("jabber\\.test.*(not on the allow list|refus)"), WAIT);
        assertThat(prosody.awaitLogLine(l -> l.contains("policy-violation") || l.contains("not on the allow list"), WAIT))
                .as("Prosody's log shows the refusal").isPresent();

        ParleyProcess.Result add = ParleyProcess.run(dir, Duration.ofSeconds(60), "allow", "add", PROSODY,
                "--config", dir.resolve("gateway.xml").toString());
        assertThat(add.exitCode()).as(add.output()).isZero();
        gateway.awaitOutput(Pattern.compile("Allow list: jabber\\.test added"), Duration.ofSeconds(2));

        assertThat(pingGateway().getType()).isEqualTo(IQ.Type.result);
    }

    @Test
    void aMessageForAnAddressWithoutSipUsersIsAnsweredWithAnErrorNotDropped() throws Exception {
        start();
        ParleyProcess.Result add = ParleyProcess.run(dir, Duration.ofSeconds(60), "allow", "add", PROSODY,
                "--config", dir.resolve("gateway.xml").toString());
        assertThat(add.exitCode()).as(add.output()).isZero();
        gateway.awaitOutput(Pattern.compile("Allow list: jabber\\.test added"), Duration.ofSeconds(2));

        var bob = JidCreate.entityBareFrom("bob@" + GATEWAY);
        try (StanzaCollector errors = alice.createStanzaCollector(
                new AndFilter(FromMatchesFilter.createBare(bob), MessageTypeFilter.ERROR))) {
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(bob).setBody("hello").build());
            Message error = errors.nextResult(WAIT.toMillis());
            assertThat(error).as("an error message from " + bob).isNotNull();
            assertThat(error.getError().getCondition()).as("gw.test is an XMPP domain without SIP users")
                    .isEqualTo(StanzaError.Condition.item_not_found);
        }
    }

    private IQ pingGateway() throws Exception {
        return alice.sendIqRequestAndWaitForResponse(new Ping(JidCreate.domainBareFrom(GATEWAY)));
    }

    private void start() throws Exception {
        String gatewayIp = Loopback.freeAddress();
        int gatewayPort = Loopback.freePort(gatewayIp);
        String prosodyIp = Loopback.freeAddress();
        int c2s = Loopback.freePort(prosodyIp);
        int s2s = Loopback.freePort(prosodyIp);
        dns = DnsmasqServer.builder()
                .address(GATEWAY, gatewayIp).srv("_xmpp-server._tcp." + GATEWAY, GATEWAY, gatewayPort, 0, 5)
                .address(PROSODY, prosodyIp).srv("_xmpp-server._tcp." + PROSODY, PROSODY, s2s, 0, 5)
                .start(Loopback.freeAddress());

        Path config = GatewayConfigFiles.write(dir, new GatewayConfigFiles.Xmpp(GATEWAY, gatewayIp, gatewayPort,
                "<dns server=\"" + dns.address().getHostString() + "\" port=\"" + dns.address().getPort()
                        + "\" timeout=\"PT2S\"/>"), 0, "");
        gateway = ParleyProcess.start(dir, "run", "--config", config.toString());
        gateway.awaitOutput(Pattern.compile("listening: xmpp s2s tcp " + Pattern.quote(gatewayIp + ":" + gatewayPort)),
                Duration.ofSeconds(60));

        DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
        IssuedCertificate ca = pki.createCa("Prosody test CA");
        prosody = ProsodyServer.builder(PROSODY).ip(prosodyIp).ports(c2s, s2s).mode(ProsodyServer.Mode.PLAIN)
                .dns(dns.address()).certificate(pki.issue(ca, List.of(PROSODY))).trust(ca)
                .user("alice", "alice-secret").start();
        alice = XmppClients.login(prosody, "alice", "alice-secret", WAIT);
    }

}
