package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.TlsPolicy;
import org.parley.gateway.config.FederationConfig.DomainEntry;

class ConfigLoaderTest {

    /** The sample shipped in the repository, from the gateway module's directory where tests run. */
    static final Path SAMPLE = Path.of("..", "conf", "gateway.xml");

    private static final ConfigLoader LOADER = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void loadsTheShippedSample() throws Exception {
        GatewayConfig config = LOADER.load(SAMPLE).config();

        Path conf = SAMPLE.toAbsolutePath().normalize().getParent();
        assertThat(config.source()).isEqualTo(conf.resolve("gateway.xml"));
        assertThat(config.xmpp().domains()).containsExactly("xmpp.parley.test", "sip.parley.test");
        assertThat(config.xmpp().listen()).isEqualTo(new Endpoint("127.0.0.1", 5269));
        assertThat(config.xmpp().tls()).isEqualTo(new XmppConfig.XmppTlsConfig(XmppConfig.TlsMode.OPTIONAL,
                conf.resolve("certs/xmpp.pem"), conf.resolve("certs/xmpp-key.pem"), Optional.of(conf.resolve("certs/ca.pem"))));
        assertThat(config.xmpp().dialback().secretFile()).isEqualTo(conf.resolveSibling("data/dialback.secret"));
        assertThat(config.xmpp().dns()).isEmpty();
        assertThat(config.sip().domains()).containsExactly("sip.parley.test");
        assertThat(config.sip().fqdn()).isEqualTo("gw.parley.test");
        assertThat(config.sip().accessEdge()).contains(new SipConfig.AccessEdge("edge.parley.test", 5061));
        assertThat(config.sip().tls()).isEqualTo(new SipConfig.SipTlsConfig(
                conf.resolve("certs/sip.pem"), conf.resolve("certs/sip-key.pem"), conf.resolve("certs/ca.pem")));
        assertThat(config.messages()).isEqualTo(new MessagesConfig(8000, Duration.ofSeconds(2), false));
        assertThat(config.presence()).isEqualTo(new PresenceConfig(Duration.ofHours(1), Duration.ofSeconds(30), 200));
        assertThat(config.media()).isEqualTo(new MediaConfig("127.0.0.1", Optional.empty(), 50000, 59999));
        assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + conf.resolveSibling("data/parley"));
        assertThat(config.federation().mode()).isEqualTo(FederationConfig.Mode.ALLOW_LIST);
        assertThat(config.federation().domains()).containsExactly(
                new DomainEntry("jabber.parley.test", TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK, Optional.empty(), OptionalInt.empty(), true),
                new DomainEntry("partner.parley.test", TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL, Optional.of("localhost"), OptionalInt.of(5270), true));
        assertThat(config.admin().listen()).isEqualTo(new Endpoint("127.0.0.1", 8080));
    }

    @Test
    void fillsInDefaultsForEverythingLeftOut() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), ConfigTexts.MINIMAL);

        GatewayConfig config = LOADER.load(file).config();

        assertThat(config.xmpp()).isEqualTo(new XmppConfig(List.of("xmpp.example.test"), new Endpoint("0.0.0.0", 5269),
                new XmppConfig.XmppTlsConfig(XmppConfig.TlsMode.OPTIONAL, dir.resolve("certs/xmpp.pem"),
                        dir.resolve("certs/xmpp-key.pem"), Optional.empty()),
                new XmppConfig.DialbackConfig(dir.resolve("data/dialback.secret")), Optional.empty(),
                new XmppConfig.XmppLimits(262144, 1000, Duration.ofSeconds(30), Duration.ofMinutes(10))));
        assertThat(config.sip()).isEqualTo(new SipConfig(List.of("sip.example.test"), "gw.example.test",
                new Endpoint("0.0.0.0", 5061), Optional.empty(), new SipConfig.SipTlsConfig(
                        dir.resolve("certs/sip.pem"), dir.resolve("certs/sip-key.pem"), dir.resolve("certs/ca.pem"))));
        assertThat(config.messages()).isEqualTo(MessagesConfig.DEFAULTS);
        assertThat(config.presence()).isEqualTo(new PresenceConfig(Duration.ofSeconds(3600), Duration.ofSeconds(30),
                200));
        assertThat(config.media()).isEqualTo(new MediaConfig("0.0.0.0", Optional.empty(), 50000, 59999));
        assertThat(config.store()).isEqualTo(new StoreConfig("jdbc:h2:file:" + dir.resolve("data/parley"), Optional.empty(), Optional.empty()));
        assertThat(config.federation()).isEqualTo(new FederationConfig(FederationConfig.Mode.ALLOW_LIST, List.of()));
        assertThat(config.admin()).isEqualTo(new AdminConfig(new Endpoint("127.0.0.1", 8080)));
    }

    @Test
    void readsTheMessageSettings() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <messages max-size="20000" bounce-wait="PT3S" receipts="true"/>
                </gateway>
                """);
        assertThat(LOADER.load(file).config().messages())
                .isEqualTo(new MessagesConfig(20000, Duration.ofSeconds(3), true));
    }

    @Test
    void readsThePresenceSettings() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <presence subscribe-expires="PT10M" retry="PT1M30S" subscribe-rate="50" subscribe-start-rate="5"
                            state-write-linger="PT0.02S"/>
                </gateway>
                """);
        assertThat(LOADER.load(file).config().presence()).isEqualTo(new PresenceConfig(Duration.ofMinutes(10),
                Duration.ofSeconds(90), 50, 5, Duration.ofMillis(20)));
    }

    @Test
    void startsAtTenSubscribesPerSecondOrTheRateIfLowerAndLingersFiveMillisecondsByDefault() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <presence subscribe-rate="4"/>
                </gateway>
                """);
        PresenceConfig presence = LOADER.load(file).config().presence();
        assertThat(presence.subscribeStartRate()).isEqualTo(4);
        assertThat(presence.stateWriteLinger()).isEqualTo(Duration.ofMillis(5));
        assertThat(PresenceConfig.DEFAULTS.subscribeStartRate()).isEqualTo(10);
    }

    @Test
    void aLingerOfZeroTurnsItOff() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <presence state-write-linger="PT0S"/>
                </gateway>
                """);
        assertThat(LOADER.load(file).config().presence().stateWriteLinger()).isZero();
    }

    @Test
    void fillsInDefaultsOfWrittenElements() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><dns server="192.0.2.53"/><limits queue-size="5"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn><access-edge host="edge.example.test"/></sip>
                  <federation><domain name="remote.test"/></federation>
                </gateway>
                """);

        GatewayConfig config = LOADER.load(file).config();

        assertThat(config.xmpp().dns()).contains(new XmppConfig.DnsConfig("192.0.2.53", 53, Duration.ofSeconds(5)));
        assertThat(config.xmpp().limits()).isEqualTo(
                new XmppConfig.XmppLimits(262144, 5, Duration.ofSeconds(30), Duration.ofMinutes(10)));
        assertThat(config.sip().accessEdge()).contains(new SipConfig.AccessEdge("edge.example.test", 5061));
        assertThat(config.federation().domains()).containsExactly(new DomainEntry(
                "remote.test", TlsPolicy.OPTIONAL, AuthPolicy.ANY, Optional.empty(), OptionalInt.empty(), true));
    }

    @Test
    void normalisesDomainNames() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain> Bücher.Example.TEST. </domain></xmpp>
                  <sip><domain>SIP.example.test</domain><fqdn>GW.example.test</fqdn><access-edge host="Edge.Example.Test"/></sip>
                  <federation><domain name="Remote.TEST" host="XMPP.Remote.Test"/></federation>
                </gateway>
                """);

        GatewayConfig config = LOADER.load(file).config();

        assertThat(config.xmpp().domains()).containsExactly("xn--bcher-kva.example.test");
        assertThat(config.sip().domains()).containsExactly("sip.example.test");
        assertThat(config.sip().fqdn()).isEqualTo("gw.example.test");
        assertThat(config.sip().accessEdge().orElseThrow().host()).isEqualTo("edge.example.test");
        assertThat(config.federation().domains().get(0).name()).isEqualTo("remote.test");
        assertThat(config.federation().domains().get(0).host()).contains("xmpp.remote.test");
    }

    @Test
    void resolvesRelativePathsAgainstTheConfigurationDirectory() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("etc/parley/gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain>
                    <tls certificate="tls/xmpp.pem" key="../keys/xmpp.key" trust="/etc/ssl/ca.pem"/>
                    <dialback secret-file="./secret"/>
                  </xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn>
                    <tls certificate="../../sip.pem"/>
                  </sip>
                  <store url="jdbc:h2:file:../../var/parley;MODE=PostgreSQL;AUTO_SERVER=TRUE" user="sa" password=" p w "/>
                </gateway>
                """);

        GatewayConfig config = LOADER.load(file).config();

        Path base = dir.resolve("etc/parley");
        assertThat(config.baseDirectory()).isEqualTo(base);
        assertThat(config.xmpp().tls().certificate()).isEqualTo(base.resolve("tls/xmpp.pem"));
        assertThat(config.xmpp().tls().key()).isEqualTo(dir.resolve("etc/keys/xmpp.key"));
        assertThat(config.xmpp().tls().trust()).contains(Path.of("/etc/ssl/ca.pem"));
        assertThat(config.xmpp().dialback().secretFile()).isEqualTo(base.resolve("secret"));
        assertThat(config.sip().tls().certificate()).isEqualTo(dir.resolve("sip.pem"));
        assertThat(config.sip().tls().key()).isEqualTo(base.resolve("certs/sip-key.pem"));
        assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + dir.resolve("var/parley") + ";MODE=PostgreSQL;AUTO_SERVER=TRUE");
        assertThat(config.store().user()).contains("sa");
        assertThat(config.store().password()).contains(" p w ");
    }

    @Test
    void resolvesAgainstTheFileDirectoryWhenNamedRelatively() throws Exception {
        ConfigTexts.write(dir.resolve("gateway.xml"), ConfigTexts.MINIMAL);
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("gateway.xml"));

        LoadedConfig loaded = LOADER.load(relative);

        assertThat(loaded.config().source()).isEqualTo(dir.resolve("gateway.xml"));
        assertThat(loaded.config().xmpp().tls().certificate()).isEqualTo(dir.resolve("certs/xmpp.pem"));
        assertThat(loaded.locationOf(FileSetting.XMPP_CERTIFICATE).file()).isEqualTo(relative);
    }

    @Test
    void acceptsPortZeroForListenersAsAnyFreePort() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><listen address="::1" port="0"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn><listen address="::" port="0"/></sip>
                  <admin port="0"/>
                </gateway>
                """);

        GatewayConfig config = LOADER.load(file).config();

        assertThat(config.xmpp().listen()).isEqualTo(new Endpoint("::1", 0));
        assertThat(config.sip().listen()).isEqualTo(new Endpoint("::", 0));
        assertThat(config.admin().listen()).isEqualTo(new Endpoint("127.0.0.1", 0));
    }

    @Test
    void acceptsTheSamePortOnDifferentAddresses() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><listen address="192.0.2.1" port="5269"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <admin address="127.0.0.1" port="5269"/>
                </gateway>
                """);

        assertThat(LOADER.load(file).config().admin().listen().port()).isEqualTo(5269);
    }

    @Test
    void acceptsDurationsInDaysHoursMinutesAndSeconds() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><limits connect-timeout="PT1.5S" idle-timeout="P1DT2H3M"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                </gateway>
                """);

        XmppConfig.XmppLimits limits = LOADER.load(file).config().xmpp().limits();

        assertThat(limits.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3));
    }

    @Test
    void acceptsAnyNamespacePrefix() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <p:gateway xmlns:p="urn:parley:gateway:1">
                  <p:xmpp><p:domain>xmpp.example.test</p:domain></p:xmpp>
                  <p:sip><p:domain>sip.example.test</p:domain><p:fqdn>gw.example.test</p:fqdn></p:sip>
                </p:gateway>
                """);

        assertThat(LOADER.load(file).config().xmpp().domains()).containsExactly("xmpp.example.test");
    }

    @Test
    void locatesFileSettingsAtTheirAttributesOrWhereTheyWouldBeWritten() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain>
                    <tls mode="required"
                         certificate="x.pem" key="x-key.pem"/>
                  </xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                </gateway>
                """);

        LoadedConfig loaded = LOADER.load(file);

        assertThat(loaded.locationOf(FileSetting.XMPP_CERTIFICATE)).isEqualTo(new ConfigLocation(file, 4, 10, "<tls certificate>"));
        assertThat(loaded.locationOf(FileSetting.XMPP_KEY)).isEqualTo(new ConfigLocation(file, 4, 30, "<tls key>"));
        assertThat(loaded.locationOf(FileSetting.XMPP_TRUST)).isEqualTo(new ConfigLocation(file, 3, 5, "<tls trust>"));
        assertThat(loaded.locationOf(FileSetting.DIALBACK_SECRET)).isEqualTo(new ConfigLocation(file, 2, 3, "<dialback secret-file>"));
        assertThat(loaded.locationOf(FileSetting.SIP_CERTIFICATE)).isEqualTo(new ConfigLocation(file, 6, 3, "<tls certificate>"));
    }
}
