package org.parley.gateway.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The JSSE objects a TLS endpoint of the gateway is built from: key managers presenting a certificate chain,
 * trust managers holding the trust anchors, and an {@link SSLContext} over both. The XMPP transport can hand
 * the factories to Netty's {@code SslContextBuilder}; the SIP stack takes the {@code SSLContext}.
 *
 * <p>The certificate file must start with the leaf (RFC 8446 §4.4.2); the key must belong to it. Trust is the
 * CA certificates of a file, optionally together with the JDK's default trust anchors (for XMPP peers with
 * public certificates). Protocols are limited to {@link #PROTOCOLS}.
 */
public final class TlsMaterial {

    /** TLS 1.3 (RFC 8446) and 1.2 (RFC 5246); nothing older (RFC 8996). */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Whether the JDK's default trust anchors are trusted in addition to the trust file. */
    public enum SystemTrust { INCLUDE, EXCLUDE }

    private static final char[] NO_PASSWORD = new char[0];

    private final List<X509Certificate> chain;
    private final KeyManagerFactory keyManagerFactory;
    private final TrustManagerFactory trustManagerFactory;

    private TlsMaterial(List<X509Certificate> chain, KeyManagerFactory keyManagerFactory,
                        TrustManagerFactory trustManagerFactory) {
        this.chain = List.copyOf(chain);
        this.keyManagerFactory = keyManagerFactory;
        this.trustManagerFactory = trustManagerFactory;
    }

    /**
     * Reads the files and builds the managers.
     *
     * @param trust       CA certificates to trust; may be empty only with {@link SystemTrust#INCLUDE}
     * @throws PemException when a file is missing or unusable, or the key does not belong to the certificate
     */
    public static TlsMaterial load(Path certificate, Path key, Optional<Path> trust, SystemTrust systemTrust)
            throws PemException {
        if (trust.isEmpty() && systemTrust == SystemTrust.EXCLUDE) {
            throw new IllegalArgumentException("no trust anchors: give a trust file or include the system trust");
        }
        List<X509Certificate> chain = PemFiles.readCertificates(certificate);
        PrivateKey privateKey = PemFiles.readPrivateKey(key);
        if (!CertificateNames.keyMatches(chain.get(0), privateKey)) {
            throw new PemException(key, "this key does not belong to the certificate in " + certificate
                    + " (" + CertificateNames.describe(chain.get(0)) + ")");
        }
        List<X509Certificate> anchors = trust.isPresent() ? PemFiles.readCertificates(trust.get()) : List.of();
        return new TlsMaterial(chain, keyManagers(chain, privateKey), trustManagers(anchors, systemTrust));
    }

    /** The chain presented to peers, leaf first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** Key managers presenting {@link #chain()}. */
    public KeyManagerFactory keyManagerFactory() {
        return keyManagerFactory;
    }

    /** Trust managers checking peer chains against the configured anchors. */
    public TrustManagerFactory trustManagerFactory() {
        return trustManagerFactory;
    }

    /** A new context over these managers; engines from it should be passed through {@link #configure}. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagerFactory.getKeyManagers(), trustManagerFactory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot create a TLS context", e);
        }
    }

    /** Restricts {@code engine} to {@link #PROTOCOLS}; for a server engine, requires a client certificate. */
    public static SSLEngine configure(SSLEngine engine, boolean requireClientCertificate) {
        engine.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        if (!engine.getUseClientMode()) {
            engine.setNeedClientAuth(requireClientCertificate);
        }
        return engine;
    }

    private static KeyManagerFactory keyManagers(List<X509Certificate> chain, PrivateKey key) {
        try {
            KeyStore store = emptyKeyStore();
            store.setKeyEntry("parley", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot hold this certificate and key", e);
        }
    }

    private static TrustManagerFactory trustManagers(List<X509Certificate> anchors, SystemTrust systemTrust) {
        try {
            KeyStore store = emptyKeyStore();
            int index = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("trust-" + index++, anchor);
            }
            if (systemTrust == SystemTrust.INCLUDE) {
                for (X509Certificate anchor : systemAnchors()) {
                    store.setCertificateEntry("system-" + index++, anchor);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build trust managers", e);
        }
    }

    /** The anchors of the JDK's default trust store (cacerts, or {@code javax.net.ssl.trustStore} if set). */
    private static List<X509Certificate> systemAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return List.of(x509.getAcceptedIssuers());
            }
        }
        return List.of();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot initialise an empty key store", e);
        }
        return store;
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + CertificateNames.describe(chain.get(0)) + "]";
    }
}
