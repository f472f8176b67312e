package org.parley.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.GatewayConfig;

class DevelopmentCertificatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final DevelopmentCertificates certificates = new DevelopmentCertificates(new DevelopmentPki(CLOCK));

    @Test
    void writesTheCaAndBothLeavesWhereTheConfigurationSays() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).xmppDomains("xmpp.test", "muc.xmpp.test")
                .sip("gw.sip.test", "sip.test", "other-sip.test").build();

        GenerationResult result = certificates.generate(config, false);

        Path certs = dir.resolve("certs");
        assertThat(result).isInstanceOfSatisfying(GenerationResult.Generated.class, generated -> {
            assertThat(generated.caReused()).isFalse();
            assertThat(generated.written()).containsExactlyInAnyOrder(certs.resolve("ca.pem"),
                    certs.resolve("ca-key.pem"), certs.resolve("xmpp.pem"), certs.resolve("xmpp-key.pem"),
                    certs.resolve("sip.pem"), certs.resolve("sip-key.pem"));
        });
        X509Certificate ca = single(certs.resolve("ca.pem"));
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=" + DevelopmentCertificates.CA_NAME);
        assertThat(CertificateNames.keyMatches(ca, PemFiles.readPrivateKey(certs.resolve("ca-key.pem")))).isTrue();
        assertLeaf(certs.resolve("xmpp.pem"), certs.resolve("xmpp-key.pem"), ca, "xmpp.test", "muc.xmpp.test");
        assertLeaf(certs.resolve("sip.pem"), certs.resolve("sip-key.pem"), ca, "gw.sip.test", "sip.test",
                "other-sip.test");
        for (String key : List.of("ca-key.pem", "xmpp-key.pem", "sip-key.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certs.resolve(key))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void copiesTheCaToASeparateXmppTrustFileAndCreatesDirectories() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).xmppTrust("xmpp/trust/ca.pem")
                .xmppFiles("xmpp/deep/cert.pem", "xmpp/deep/key.pem").build();

        assertThat(certificates.generate(config, false).ready()).isTrue();

        X509Certificate ca = single(dir.resolve("certs/ca.pem"));
        assertThat(PemFiles.readCertificates(dir.resolve("xmpp/trust/ca.pem"))).containsExactly(ca);
        assertLeaf(dir.resolve("xmpp/deep/cert.pem"), dir.resolve("xmpp/deep/key.pem"), ca, "xmpp.test");
    }

    @Test
    void refusesToOverwriteAForeignFileAndWritesNothing() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        Path foreign = dir.resolve("certs/sip-key.pem");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "the administrator's own key");

        GenerationResult result = certificates.generate(config, false);

        assertThat(result).isEqualTo(new GenerationResult.WouldOverwrite(List.of(foreign)));
        assertThat(result.summary()).contains(foreign.toString(), "--force");
        assertThat(snapshot()).containsOnlyKeys(foreign);
        assertThat(Files.readString(foreign)).isEqualTo("the administrator's own key");
    }

    @Test
    void refusesToReissueExistingLeavesWithoutForceAndChangesNothing() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        certificates.generate(config, false);
        Map<Path, String> before = snapshot();

        GenerationResult result = certificates.generate(config, false);

        Path certs = dir.resolve("certs");
        assertThat(result).isInstanceOfSatisfying(GenerationResult.WouldOverwrite.class,
                refused -> assertThat(refused.existing()).containsExactlyInAnyOrder(certs.resolve("xmpp.pem"),
                        certs.resolve("xmpp-key.pem"), certs.resolve("sip.pem"), certs.resolve("sip-key.pem")));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void forceReissuesLeavesWithTheExistingCa() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        certificates.generate(config, false);
        Map<Path, String> before = snapshot();

        GenerationResult result = certificates.generate(config, true);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Generated.class,
                generated -> assertThat(generated.caReused()).isTrue());
        Map<Path, String> after = snapshot();
        assertThat(after.get(dir.resolve("certs/ca.pem"))).isEqualTo(before.get(dir.resolve("certs/ca.pem")));
        assertThat(after.get(dir.resolve("certs/ca-key.pem"))).isEqualTo(before.get(dir.resolve("certs/ca-key.pem")));
        assertThat(after.get(dir.resolve("certs/xmpp.pem"))).isNotEqualTo(before.get(dir.resolve("certs/xmpp.pem")));
        assertLeaf(dir.resolve("certs/xmpp.pem"), dir.resolve("certs/xmpp-key.pem"),
                single(dir.resolve("certs/ca.pem")),
                "xmpp.test");
    }

    @Test
    void issuesMissingLeavesFromTheExistingCaWithoutForce() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        certificates.generate(config, false);
        Files.delete(dir.resolve("certs/xmpp.pem"));
        Files.delete(dir.resolve("certs/xmpp-key.pem"));
        Files.delete(dir.resolve("certs/sip.pem"));
        Files.delete(dir.resolve("certs/sip-key.pem"));

        GenerationResult result = certificates.generate(config, false);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Generated.class, generated -> {
            assertThat(generated.caReused()).isTrue();
            assertThat(generated.written()).hasSize(4).doesNotContain(dir.resolve("certs/ca.pem"));
        });
    }

    @Test
    void createsANewCaWhenTheCaKeyIsGoneAndOnlyWithForce() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        certificates.generate(config, false);
        X509Certificate oldCa = single(dir.resolve("certs/ca.pem"));
        Files.delete(dir.resolve("certs/ca-key.pem"));

        assertThat(certificates.generate(config, false)).isInstanceOfSatisfying(GenerationResult.WouldOverwrite.class,
                refused -> assertThat(refused.existing()).contains(dir.resolve("certs/ca.pem")));
        assertThat(certificates.generate(config, true)).isInstanceOfSatisfying(GenerationResult.Generated.class,
                generated -> assertThat(generated.caReused()).isFalse());
        X509Certificate newCa = single(dir.resolve("certs/ca.pem"));
        assertThat(newCa).isNotEqualTo(oldCa);
        assertLeaf(dir.resolve("certs/sip.pem"), dir.resolve("certs/sip-key.pem"), newCa, "gw.sip.test", "sip.test");
    }

    @Test
    void firstRunGeneratesOnlyWhenEverythingIsMissing() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        assertThat(certificates.inventory(config).allMissing()).isTrue();

        assertThat(certificates.generateIfAllMissing(config)).isInstanceOf(GenerationResult.Generated.class);
        assertThat(certificates.inventory(config).missing()).isEmpty();
        assertThat(certificates.generateIfAllMissing(config)).isInstanceOf(GenerationResult.AlreadyPresent.class);
    }

    @Test
    void firstRunReportsAPartialSetInsteadOfMixingCas() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).build();
        certificates.generate(config, false);
        Path missingKey = dir.resolve("certs/sip-key.pem");
        Files.delete(missingKey);
        Map<Path, String> before = snapshot();

        GenerationResult result = certificates.generateIfAllMissing(config);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Incomplete.class, incomplete -> {
            assertThat(incomplete.missing()).containsExactly(missingKey);
            assertThat(incomplete.present()).hasSize(4);
        });
        assertThat(result.ready()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void issuesOneLeafWithAllNamesWhenXmppAndSipShareTheirFiles() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).xmppFiles("certs/gw.pem", "certs/gw-key.pem")
                .sipFiles("certs/gw.pem", "certs/gw-key.pem", "certs/ca.pem").build();

        assertThat(certificates.generate(config, false).ready()).isTrue();

        assertLeaf(dir.resolve("certs/gw.pem"), dir.resolve("certs/gw-key.pem"), single(dir.resolve("certs/ca.pem")),
                "xmpp.test", "gw.sip.test", "sip.test");
    }

    @Test
    void reportsAPathConfiguredForTwoFilesAndWritesNothing() throws Exception {
        GatewayConfig config = TestConfigs.in(dir).xmppFiles("certs/xmpp.pem", "certs/ca.pem").build();

        GenerationResult result = certificates.generate(config, true);

        assertThat(result).isInstanceOfSatisfying(GenerationResult.Conflict.class, conflict -> assertThat(
                conflict.problem()).contains(dir.resolve("certs/ca.pem").toString(), "SIP trust", "XMPP key"));
        assertThat(certificates.generateIfAllMissing(config)).isInstanceOf(GenerationResult.Conflict.class);
        assertThat(snapshot()).isEmpty();
    }

    private static void assertLeaf(Path certificate, Path key, X509Certificate ca, String... names) throws Exception {
        List<X509Certificate> chain = PemFiles.readCertificates(certificate);
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(ca);
        chain.get(0).verify(ca.getPublicKey());
        assertThat(CertificateNames.dnsNames(chain.get(0))).containsExactly(names);
        assertThat(CertificateNames.keyMatches(chain.get(0), PemFiles.readPrivateKey(key))).isTrue();
    }

    private static X509Certificate single(Path file) throws PemException {
        List<X509Certificate> certificates = PemFiles.readCertificates(file);
        assertThat(certificates).hasSize(1);
        return certificates.get(0);
    }

    /** Every regular file under the test directory with its content. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readString(file));
            }
        }
        return files;
    }
}
