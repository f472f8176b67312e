package org.parley.gateway.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.parley.gateway.config.AdminConfig;
import org.parley.gateway.config.Endpoint;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.config.MediaConfig;
import org.parley.gateway.config.SipConfig;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.config.XmppConfig;

/** Gateway configurations for PKI tests: every file under one directory, names and paths overridable. */
final class TestConfigs {

    private final Path dir;
    private List<String> xmppDomains = List.of("xmpp.test");
    private List<String> sipDomains = List.of("sip.test");
    private String fqdn = "gw.sip.test";
    private Path xmppCertificate;
    private Path xmppKey;
    private Optional<Path> xmppTrust = Optional.empty();
    private Path sipCertificate;
    private Path sipKey;
    private Path sipTrust;

    private TestConfigs(Path dir) {
        this.dir = dir;
        xmppCertificate = dir.resolve("certs/xmpp.pem");
        xmppKey = dir.resolve("certs/xmpp-key.pem");
        sipCertificate = dir.resolve("certs/sip.pem");
        sipKey = dir.resolve("certs/sip-key.pem");
        sipTrust = dir.resolve("certs/ca.pem");
    }

    /** Defaults: XMPP domain xmpp.test, SIP domain sip.test, FQDN gw.sip.test, files in {@code dir/certs}. */
    static TestConfigs in(Path dir) {
        return new TestConfigs(dir);
    }

    TestConfigs xmppDomains(String... domains) {
        xmppDomains = List.of(domains);
        return this;
    }

    TestConfigs sip(String fqdn, String... domains) {
        this.fqdn = fqdn;
        sipDomains = List.of(domains);
        return this;
    }

    TestConfigs xmppFiles(String certificate, String key) {
        xmppCertificate = dir.resolve(certificate);
        xmppKey = dir.resolve(key);
        return this;
    }

    TestConfigs xmppTrust(String trust) {
        xmppTrust = Optional.of(dir.resolve(trust));
        return this;
    }

    TestConfigs sipFiles(String certificate, String key, String trust) {
        sipCertificate = dir.resolve(certificate);
        sipKey = dir.resolve(key);
        sipTrust = dir.resolve(trust);
        return this;
    }

    GatewayConfig build() {
        XmppConfig xmpp = new XmppConfig(xmppDomains, new Endpoint("127.0.0.1", 5269),
                new XmppConfig.XmppTlsConfig(XmppConfig.TlsMode.REQUIRED, xmppCertificate, xmppKey, xmppTrust),
                new XmppConfig.DialbackConfig(dir.resolve("data/dialback.secret")), Optional.empty(),
                new XmppConfig.XmppLimits(262_144, 1000, Duration.ofSeconds(30), Duration.ofMinutes(10)));
        SipConfig sip = new SipConfig(sipDomains, fqdn, new Endpoint("127.0.0.1", 5061), Optional.empty(),
                new SipConfig.SipTlsConfig(sipCertificate, sipKey, sipTrust));
        return new GatewayConfig(dir.resolve("gateway.xml"), xmpp, sip, org.parley.gateway.config.MessagesConfig.DEFAULTS,
                new MediaConfig("127.0.0.1", Optional.empty(), 50_000, 59_999),
                new StoreConfig("jdbc:h2:mem:pki", Optional.empty(), Optional.empty()),
                new FederationConfig(FederationConfig.Mode.ALLOW_LIST, List.of()),
                new AdminConfig(new Endpoint("127.0.0.1", 8080)));
    }
}
