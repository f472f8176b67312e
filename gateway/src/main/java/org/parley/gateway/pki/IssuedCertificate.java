package org.parley.gateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate with its private key and the chain to present in TLS.
 *
 * @param cert  the certificate
 * @param key   its private key
 * @param chain {@code cert} first, then its issuers up to and including the root (RFC 8446 §4.4.2 order);
 *              just {@code cert} for a self-signed certificate or a CA
 */
public record IssuedCertificate(X509Certificate cert, PrivateKey key, List<X509Certificate> chain) {

    public IssuedCertificate {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(cert)) {
            throw new IllegalArgumentException("the chain must start with the certificate itself");
        }
    }

    /** A self-signed certificate or a CA on its own. */
    public static IssuedCertificate single(X509Certificate cert, PrivateKey key) {
        return new IssuedCertificate(cert, key, List.of(cert));
    }
}
