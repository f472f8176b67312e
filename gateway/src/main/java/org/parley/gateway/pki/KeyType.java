package org.parley.gateway.pki;

import java.security.Key;
import java.util.Arrays;
import java.util.Optional;

/**
 * Key algorithms {@link DevelopmentPki} can generate.
 *
 * <p>{@link #EC_P256} is the default: ECDSA with P-256 is a mandatory signature scheme of TLS 1.3
 * (RFC 8446 §9.1), is accepted by every OpenSSL-based peer (Prosody, ejabberd, Kamailio's tls module) and by
 * the JDK, and its keys are generated in milliseconds. {@link #RSA_2048} is there for peers that only accept
 * RSA certificates (some older SIP edge servers).
 */
public enum KeyType {
    /** ECDSA on NIST P-256 (secp256r1), certificates signed with SHA-256. */
    EC_P256("EC", "SHA256withECDSA"),
    /** RSA with a 2048-bit modulus, certificates signed with SHA-256 (PKCS#1 v1.5). */
    RSA_2048("RSA", "SHA256withRSA");

    private final String keyAlgorithm;
    private final String signatureAlgorithm;

    KeyType(String keyAlgorithm, String signatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA key algorithm name ({@code EC} or {@code RSA}). */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The JCA signature algorithm a key of this type signs certificates with. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The type of an existing key (e.g. a CA key read from disk), if it is one of these. */
    public static Optional<KeyType> of(Key key) {
        return Arrays.stream(values()).filter(type -> type.keyAlgorithm.equals(key.getAlgorithm())).findFirst();
    }
}
