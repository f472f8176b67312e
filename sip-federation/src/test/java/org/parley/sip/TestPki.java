package org.parley.sip;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;

/** Certificates for the SIP tests: one CA, the gateway (gw.test), the edge (edge.test), and negatives. */
final class TestPki {

    final DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
    final IssuedCertificate ca = pki.createCa("SIP Test CA");
    final IssuedCertificate gateway = pki.issue(ca, List.of("gw.test"));
    final IssuedCertificate edge = pki.issue(ca, List.of("edge.test"));

    List<X509Certificate> anchors() {
        return List.of(ca.cert());
    }

    SipTls tls(IssuedCertificate identity) {
        return new SipTls(keyManager(identity), trustManager(anchors()));
    }

    static X509ExtendedKeyManager keyManager(IssuedCertificate identity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("k", identity.key(), new char[0], identity.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, new char[0]);
            return Arrays.stream(factory.getKeyManagers()).map(X509ExtendedKeyManager.class::cast).findFirst()
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509ExtendedTrustManager trustManager(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("ca" + i++, anchor);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers()).map(X509ExtendedTrustManager.class::cast).findFirst()
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
