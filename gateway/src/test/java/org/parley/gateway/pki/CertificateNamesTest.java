package org.parley.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateNamesTest {

    private static KeyPair keys;

    @BeforeAll
    static void generateKey() throws Exception {
        keys = TestCertificates.ecKeyPair();
    }

    private static X509Certificate certificate(String commonName, String sans) throws Exception {
        String subject = commonName == null ? "O=Parley Test" : "CN=" + commonName + ",O=Parley Test";
        List<String> names = sans == null ? List.of() : Arrays.asList(sans.split(" "));
        return TestCertificates.selfSigned(keys, subject, names);
    }

    @ParameterizedTest(name = "CN={0} SAN=[{1}] vs {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -             | xmpp.test                   | xmpp.test             | true
            -             | XMPP.Test                   | xmpp.TEST             | true
            -             | xmpp.test                   | xmpp.test.            | true
            -             | xmpp.test.                  | xmpp.test             | true
            -             | a.test b.test               | b.test                | true
            -             | other.test                  | xmpp.test             | false
            -             | xmpp.test                   | evilxmpp.test         | false
            -             | xmpp.test                   | xmpp.test.evil        | false
            -             | xmpp.test                   | sub.xmpp.test         | false
            -             | *.xmpp.test                 | conf.xmpp.test        | true
            -             | *.xmpp.test                 | CONF.Xmpp.Test.       | true
            -             | *.xmpp.test                 | xmpp.test             | false
            -             | *.xmpp.test                 | a.b.xmpp.test         | false
            -             | f*.xmpp.test                | foo.xmpp.test         | false
            -             | *o.xmpp.test                | foo.xmpp.test         | false
            -             | conf.*.test                 | conf.xmpp.test        | false
            -             | *.test                      | xmpp.test             | false
            -             | *.xmpp.test                 | *.xmpp.test           | false
            -             | xn--bcher-kva.example       | bücher.example        | true
            -             | xn--bcher-kva.example       | xn--bcher-kva.example | true
            -             | xn--bcher-kva.example       | XN--BCHER-KVA.example | true
            -             | xn--bcher-kva.example       | bucher.example        | false
            -             | *.xn--bcher-kva.example     | chat.bücher.example   | true
            xmpp.test     | -                           | xmpp.test             | true
            XMPP.test     | -                           | xmpp.test.            | true
            *.xmpp.test   | -                           | conf.xmpp.test        | true
            bücher.example| -                           | xn--bcher-kva.example | true
            xmpp.test     | other.test                  | xmpp.test             | false
            xmpp.test     | other.test                  | other.test            | true
            other.test    | -                           | xmpp.test             | false
            -             | -                           | xmpp.test             | false
            -             | xmpp.test                   | ''                    | false
            """)
    void matchesByRfc6125(String commonName, String sans, String domain, boolean expected) throws Exception {
        assertThat(CertificateNames.matches(certificate(commonName, sans), domain)).isEqualTo(expected);
    }

    @Test
    void listsDnsNamesLowerCasedInCertificateOrder() throws Exception {
        assertThat(CertificateNames.dnsNames(certificate("ignored.test", "B.Test a.test")))
                .containsExactly("b.test", "a.test");
    }

    @Test
    void listsNoDnsNamesWithoutSubjectAltName() throws Exception {
        assertThat(CertificateNames.dnsNames(certificate("xmpp.test", null))).isEmpty();
    }

    @Test
    void describesSubjectNamesIssuerAndValidity() throws Exception {
        X509Certificate cert = certificate("xmpp.test", "xmpp.test conf.xmpp.test");
        assertThat(CertificateNames.describe(cert))
                .contains("CN=xmpp.test", "[xmpp.test, conf.xmpp.test]", "issuer=",
                        cert.getNotAfter().toInstant().toString());
    }

    @Test
    void recognisesTheCertificatesOwnKey() throws Exception {
        assertThat(CertificateNames.keyMatches(certificate("xmpp.test", null), keys.getPrivate())).isTrue();
    }

    @Test
    void rejectsAnotherKeyOfTheSameType() throws Exception {
        KeyPair other = TestCertificates.ecKeyPair();
        assertThat(CertificateNames.keyMatches(certificate("xmpp.test", null), other.getPrivate())).isFalse();
    }

    @Test
    void rejectsAKeyOfAnotherType() throws Exception {
        KeyPair rsa = TestCertificates.rsaKeyPair();
        assertThat(CertificateNames.keyMatches(certificate("xmpp.test", null), rsa.getPrivate())).isFalse();
    }

    @Test
    void recognisesAnRsaKey() throws Exception {
        KeyPair rsa = TestCertificates.rsaKeyPair();
        X509Certificate cert = TestCertificates.selfSigned(rsa, "CN=sip.test", List.of("sip.test"));
        assertThat(CertificateNames.keyMatches(cert, rsa.getPrivate())).isTrue();
    }
}
