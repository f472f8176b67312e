package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.gateway.pki.DevelopmentCertificates;
import org.parley.pki.DevelopmentPki;
import org.parley.gateway.pki.GenerationResult;
import org.parley.pki.IssuedCertificate;
import org.parley.pki.PemFiles;

class ConfigFileChecksTest {

    /** Each file setting on a line of its own, so problems can be expected at fixed lines and columns. */
    private static final String CONFIG = """
            <gateway xmlns="urn:parley:gateway:1">
              <xmpp><domain>xmpp.example.test</domain><domain>chat.example.test</domain>
                <tls mode="required"
                     certificate="certs/xmpp.pem"
                     key="certs/xmpp-key.pem"
                     trust="certs/ca.pem"/>
                <dialback secret-file="../data/dialback.secret"/>
              </xmpp>
              <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn>
                <tls certificate="certs/sip.pem"
                     key="certs/sip-key.pem"
                     trust="certs/ca.pem"/>
              </sip>
            </gateway>
            """;

    private static final ConfigLoader LOADER = new ConfigLoader();
    private static final DevelopmentPki PKI = new DevelopmentPki(Clock.systemUTC());

    @TempDir
    Path dir;

    private Path conf;

    @BeforeEach
    void setUp() {
        conf = dir.resolve("conf");
    }

    @Test
    void theShippedSamplePassesOnceCertificatesAreGenerated() throws Exception {
        Path sample = conf.resolve("gateway.xml");
        Files.createDirectories(conf);
        Files.copy(ConfigLoaderTest.SAMPLE, sample);
        LoadedConfig loaded = LOADER.load(sample);
        assertThat(ConfigFileChecks.check(loaded)).isNotEmpty();

        generateCertificates(loaded);

        assertThat(ConfigFileChecks.check(loaded)).isEmpty();
    }

    @Test
    void reportsEveryMissingFileAtTheAttributeNamingIt() throws Exception {
        LoadedConfig loaded = LOADER.load(ConfigTexts.write(conf.resolve("gateway.xml"), CONFIG));

        List<ConfigProblem> problems = ConfigFileChecks.check(loaded);

        assertThat(problems).extracting(p -> p.line() + ":" + p.column() + " " + p.subject())
                .containsExactly("4:10 <tls certificate>", "5:10 <tls key>", "6:10 <tls trust>",
                        "10:10 <tls certificate>", "11:10 <tls key>", "12:10 <tls trust>");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).endsWith("file not found"));
        assertThat(problems.get(0).toString()).isEqualTo(conf.resolve("gateway.xml") + ":4:10: <tls certificate>: "
                + conf.resolve("certs/xmpp.pem") + ": file not found");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("missing certificate", "4:10", "file not found",
                        c -> Files.delete(c.resolve("certs/xmpp.pem"))),
                broken("directory instead of key", "11:10", "not a readable PEM file",
                        c -> {
                            Files.delete(c.resolve("certs/sip-key.pem"));
                            Files.createDirectory(c.resolve("certs/sip-key.pem"));
                        }),
                broken("garbage certificate", "10:10", "contains no PEM 'CERTIFICATE' block",
                        c -> Files.writeString(c.resolve("certs/sip.pem"), "not a certificate\n")),
                broken("garbage key", "5:10", "contains no private key",
                        c -> Files.writeString(c.resolve("certs/xmpp-key.pem"), "just text\n")),
                broken("garbage trust, named by XMPP and SIP", "6:10 12:10", "contains no PEM 'CERTIFICATE' block",
                        c -> Files.writeString(c.resolve("certs/ca.pem"), "")),
                broken("certificate without an XMPP domain", "4:10",
                        "the certificate does not carry XMPP domain 'chat.example.test'; it names xmpp.example.test",
                        c -> replaceLeaf(c, "xmpp", List.of("xmpp.example.test"))),
                broken("certificate without the SIP FQDN", "10:10",
                        "the certificate does not carry SIP FQDN 'gw.example.test'; it names sip.example.test",
                        c -> replaceLeaf(c, "sip", List.of("sip.example.test"))),
                broken("key of another certificate", "5:10", "not the private key of the certificate in",
                        c -> Files.copy(c.resolve("certs/sip-key.pem"), c.resolve("certs/xmpp-key.pem"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING)),
                broken("dialback secret not a file", "7:15", "not a readable file",
                        c -> Files.createDirectories(c.resolveSibling("data/dialback.secret"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsBrokenFileAtTheAttributeNamingIt(String name, String positions, String fragment, Breakage breakage)
            throws Exception {
        LoadedConfig loaded = LOADER.load(ConfigTexts.write(conf.resolve("gateway.xml"), CONFIG));
        generateCertificates(loaded);
        breakage.apply(conf);

        List<ConfigProblem> problems = ConfigFileChecks.check(loaded);

        assertThat(problems).extracting(p -> p.line() + ":" + p.column()).containsExactly(positions.split(" "));
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains(fragment));
    }

    @Test
    void reportsExpiredAndNotYetValidCertificates() throws Exception {
        LoadedConfig loaded = LOADER.load(ConfigTexts.write(conf.resolve("gateway.xml"), CONFIG));
        generateCertificates(loaded);

        List<ConfigProblem> later = ConfigFileChecks.check(loaded, Instant.now().plus(Duration.ofDays(3000)));
        List<ConfigProblem> earlier = ConfigFileChecks.check(loaded, Instant.now().minus(Duration.ofDays(1)));

        assertThat(later).extracting(p -> p.line() + " " + p.message().replaceAll(".* the certificate ", ""))
                .allMatch(s -> s.matches("(4|10) expired on .*")).hasSize(2);
        assertThat(earlier).extracting(p -> p.line() + " " + p.message().replaceAll(".* the certificate ", ""))
                .allMatch(s -> s.matches("(4|10) is not valid before .*")).hasSize(2);
    }

    @Test
    void ignoresXmppCertificatesWhenTlsIsDisabled() throws Exception {
        LoadedConfig loaded = LOADER.load(ConfigTexts.write(conf.resolve("gateway.xml"),
                CONFIG.replace("mode=\"required\"", "mode=\"disabled\"")));
        generateCertificates(loaded);
        Files.delete(conf.resolve("certs/xmpp.pem"));
        Files.delete(conf.resolve("certs/xmpp-key.pem"));

        assertThat(ConfigFileChecks.check(loaded)).isEmpty();
    }

    @Test
    void acceptsAnExistingDialbackSecret() throws Exception {
        LoadedConfig loaded = LOADER.load(ConfigTexts.write(conf.resolve("gateway.xml"), CONFIG));
        generateCertificates(loaded);
        ConfigTexts.write(dir.resolve("data/dialback.secret"), "0123456789abcdef");

        assertThat(ConfigFileChecks.check(loaded)).isEmpty();
    }

    private static void generateCertificates(LoadedConfig loaded) throws IOException {
        GenerationResult result = new DevelopmentCertificates(PKI).generate(loaded.config(), false);
        assertThat(result).isInstanceOf(GenerationResult.Generated.class);
    }

    /** Replaces the {@code role} leaf with one for {@code names}, issued by the same development CA. */
    private static void replaceLeaf(Path conf, String role, List<String> names) throws Exception {
        IssuedCertificate ca = IssuedCertificate.single(PemFiles.readCertificates(conf.resolve("certs/ca.pem")).get(0),
                PemFiles.readPrivateKey(conf.resolve("certs/ca-key.pem")));
        IssuedCertificate leaf = PKI.issue(ca, names);
        PemFiles.writeCertificates(conf.resolve("certs/" + role + ".pem"), leaf.chain());
        PemFiles.writePrivateKey(conf.resolve("certs/" + role + "-key.pem"), leaf.key());
    }

    private static Arguments broken(String name, String positions, String fragment, Breakage breakage) {
        return Arguments.of(name, positions, fragment, breakage);
    }

    /** Damages the generated files under the configuration directory. */
    @FunctionalInterface
    interface Breakage {
        void apply(Path conf) throws Exception;
    }
}
