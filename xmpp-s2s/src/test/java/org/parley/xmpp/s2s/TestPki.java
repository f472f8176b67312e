package org.parley.xmpp.s2s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;
import org.parley.pki.KeyType;
import org.parley.pki.PemFiles;
import org.parley.pki.TlsMaterial;

/** A development CA and certificates for the s2s tests, with the key and trust managers the settings take. */
final class TestPki {

    final DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
    final IssuedCertificate ca = pki.createCa("Parley s2s test CA");

    IssuedCertificate issue(String domain) {
        return pki.issue(ca, List.of(domain));
    }

    /** Issued by the test CA for {@code domain}, valid for one day ten days ago. */
    IssuedCertificate expired(String domain) {
        Clock tenDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(10)), ZoneOffset.UTC);
        return new DevelopmentPki(tenDaysAgo, KeyType.EC_P256, Duration.ofDays(1), Duration.ofDays(1))
                .issue(ca, List.of(domain));
    }

    IssuedCertificate selfSigned(String domain) {
        return pki.selfSigned(List.of(domain));
    }

    /** TLS settings presenting {@code identity} and trusting only the test CA. */
    TlsSettings tls(TlsMode mode, IssuedCertificate identity) throws IOException, org.parley.pki.PemException {
        Path dir = Files.createTempDirectory("parley-s2s-pki");
        PemFiles.writeCertificates(dir.resolve("cert.pem"), identity.chain());
        PemFiles.writePrivateKey(dir.resolve("key.pem"), identity.key());
        PemFiles.writeCertificates(dir.resolve("ca.pem"), ca.chain());
        TlsMaterial material = TlsMaterial.load(dir.resolve("cert.pem"), dir.resolve("key.pem"),
                Optional.of(dir.resolve("ca.pem")), TlsMaterial.SystemTrust.EXCLUDE);
        KeyManagerFactory keys = material.keyManagerFactory();
        TrustManagerFactory trust = material.trustManagerFactory();
        return TlsSettings.of(mode, keys, trust);
    }
}
