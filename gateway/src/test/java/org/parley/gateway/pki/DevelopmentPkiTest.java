package org.parley.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DevelopmentPkiTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    // keyUsage bits (RFC 5280 §4.2.1.3)
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_ENCIPHERMENT = 2;
    private static final int KEY_CERT_SIGN = 5;

    @TempDir
    Path dir;

    private static DevelopmentPki pki(KeyType type) {
        return new DevelopmentPki(CLOCK, type, DevelopmentPki.DEFAULT_LEAF_VALIDITY,
                DevelopmentPki.DEFAULT_CA_VALIDITY);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void createsASelfSignedCaFromTheClock(KeyType type) throws Exception {
        X509Certificate ca = pki(type).createCa("Test CA").cert();

        ca.verify(ca.getPublicKey());
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=Test CA");
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW);
        assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo(type.keyAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void issuesLeavesThatValidateAgainstTheCa(KeyType type) throws Exception {
        DevelopmentPki pki = pki(type);
        IssuedCertificate ca = pki.createCa("Test CA");
        IssuedCertificate leaf = pki.issue(ca, List.of("xmpp.test", "conf.xmpp.test"));

        assertThat(leaf.chain()).containsExactly(leaf.cert(), ca.cert());
        validate(leaf.chain(), ca.cert());
        assertThat(leaf.cert().getSubjectX500Principal().getName()).isEqualTo("CN=xmpp.test");
        assertThat(CertificateNames.dnsNames(leaf.cert())).containsExactly("xmpp.test", "conf.xmpp.test");
        assertThat(CertificateNames.matches(leaf.cert(), "conf.xmpp.test")).isTrue();
        assertThat(leaf.cert().getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(leaf.cert().getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.cert().getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(leaf.cert().getKeyUsage()[KEY_ENCIPHERMENT]).isEqualTo(type == KeyType.RSA_2048);
        assertThat(leaf.cert().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(825)));
        assertThat(CertificateNames.keyMatches(leaf.cert(), leaf.key())).isTrue();
    }

    @Test
    void issuedMaterialSurvivesAPemRoundTrip() throws Exception {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate ca = pki.createCa("Test CA");
        IssuedCertificate leaf = pki.issue(ca, List.of("sip.test"));
        PemFiles.writeCertificates(dir.resolve("chain.pem"), leaf.chain());
        PemFiles.writePrivateKey(dir.resolve("key.pem"), leaf.key());

        List<X509Certificate> chain = PemFiles.readCertificates(dir.resolve("chain.pem"));
        assertThat(chain).containsExactlyElementsOf(leaf.chain());
        assertThat(CertificateNames.keyMatches(chain.get(0), PemFiles.readPrivateKey(dir.resolve("key.pem")))).isTrue();
    }

    @Test
    void anRsaCaSignsAnEcLeaf() throws Exception {
        IssuedCertificate rsaCa = pki(KeyType.RSA_2048).createCa("RSA CA");
        IssuedCertificate leaf = pki(KeyType.EC_P256).issue(rsaCa, List.of("xmpp.test"));

        assertThat(leaf.cert().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(leaf.cert().getPublicKey().getAlgorithm()).isEqualTo("EC");
        validate(leaf.chain(), rsaCa.cert());
    }

    @Test
    void writesInternationalNamesAsLowerCaseALabelsWithoutDuplicates() {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate leaf = pki.issue(pki.createCa("Test CA"),
                List.of("Bücher.Example", "xn--bcher-kva.example", "B.test"));

        assertThat(CertificateNames.dnsNames(leaf.cert())).containsExactly("xn--bcher-kva.example", "b.test");
        assertThat(leaf.cert().getSubjectX500Principal().getName()).isEqualTo("CN=xn--bcher-kva.example");
    }

    @Test
    void createsSelfSignedLeavesThatNoCaVouchesFor() throws Exception {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate selfSigned = pki.selfSigned(List.of("rogue.test"));

        selfSigned.cert().verify(selfSigned.cert().getPublicKey());
        assertThat(selfSigned.chain()).containsExactly(selfSigned.cert());
        assertThat(selfSigned.cert().getIssuerX500Principal()).isEqualTo(selfSigned.cert().getSubjectX500Principal());
        assertThat(selfSigned.cert().getBasicConstraints()).isEqualTo(-1);
        assertThat(selfSigned.cert().getExtendedKeyUsage()).contains(SERVER_AUTH, CLIENT_AUTH);
        assertThat(CertificateNames.matches(selfSigned.cert(), "rogue.test")).isTrue();
    }

    @Test
    void givesEveryCertificateItsOwnRandomSerial() {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate ca = pki.createCa("Test CA");
        IssuedCertificate first = pki.issue(ca, List.of("xmpp.test"));
        IssuedCertificate second = pki.issue(ca, List.of("xmpp.test"));

        assertThat(first.cert().getSerialNumber()).isNotEqualTo(second.cert().getSerialNumber()).isPositive();
        assertThat(first.cert().getSerialNumber().bitLength()).isGreaterThan(64).isLessThanOrEqualTo(159);
    }

    @Test
    void honoursConfiguredValidity() {
        DevelopmentPki pki = new DevelopmentPki(CLOCK, KeyType.EC_P256, Duration.ofDays(1), Duration.ofDays(2));
        IssuedCertificate ca = pki.createCa("Test CA");

        assertThat(ca.cert().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(pki.issue(ca, List.of("a.test")).cert().getNotAfter().toInstant())
                .isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void refusesToIssueWithALeaf() {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate leaf = pki.selfSigned(List.of("xmpp.test"));

        assertThatThrownBy(() -> pki.issue(leaf, List.of("other.test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CA");
        assertThat(pki.canIssueWith(leaf)).isFalse();
    }

    @Test
    void canIssueOnlyWithACaStillValidAndItsOwnKey() {
        DevelopmentPki pki = new DevelopmentPki(CLOCK);
        IssuedCertificate ca = pki.createCa("Test CA");
        IssuedCertificate other = pki.createCa("Other CA");
        DevelopmentPki later = new DevelopmentPki(Clock.offset(CLOCK, Duration.ofDays(3651)));

        assertThat(pki.canIssueWith(ca)).isTrue();
        assertThat(pki.canIssueWith(IssuedCertificate.single(ca.cert(), other.key()))).isFalse();
        assertThat(later.canIssueWith(ca)).isFalse();
    }

    private static void validate(List<X509Certificate> chain, X509Certificate root) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW.plus(Duration.ofDays(1))));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1)),
                parameters);
    }
}
