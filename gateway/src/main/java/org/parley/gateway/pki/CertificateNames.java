package org.parley.gateway.pki;

import java.net.IDN;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The names a certificate vouches for, and whether it belongs to a domain or to a private key.
 *
 * <p>{@link #matches(X509Certificate, String)} implements the DNS-ID rules of RFC 6125 §6.4 as used by XMPP
 * (RFC 6120 §13.7.2) and SIP (RFC 5922 §7.2): names compare case-insensitively as A-labels (§6.4.2) without a
 * trailing dot; a wildcard is allowed only as the whole left-most label and stands for exactly one label
 * (§6.4.3); the subject's common name is consulted only when the certificate has no dNSName
 * subjectAltName at all (§6.4.4). SRV-IDs, URI-IDs and XmppAddr identifiers are not considered here.
 */
public final class CertificateNames {

    private static final int DNS_NAME = 2;

    private CertificateNames() {
    }

    /** The subjectAltName dNSName entries (RFC 5280 §4.2.1.6), lower-cased, in certificate order. */
    public static List<String> dnsNames(X509Certificate cert) {
        Collection<List<?>> alternatives;
        try {
            alternatives = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of(); // an undecodable extension vouches for nothing
        }
        if (alternatives == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (List<?> entry : alternatives) {
            if (entry.size() >= 2 && Integer.valueOf(DNS_NAME).equals(entry.get(0))
                    && entry.get(1) instanceof String name) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    /** Whether {@code cert} is valid for {@code domain} (a U-label or A-label name) by RFC 6125 §6.4. */
    public static boolean matches(X509Certificate cert, String domain) {
        Optional<String> reference = normalise(domain);
        if (reference.isEmpty()) {
            return false;
        }
        List<String> presented = dnsNames(cert);
        if (presented.isEmpty()) {
            return commonName(cert).map(CertificateNames::presentedForm)
                    .map(cn -> matchesDnsId(cn, reference.get()))
                    .orElse(false);
        }
        return presented.stream().anyMatch(name -> matchesDnsId(name, reference.get()));
    }

    /** One line for logs: subject, dNSNames, issuer, validity period and serial number. */
    public static String describe(X509Certificate cert) {
        return "subject='" + cert.getSubjectX500Principal().getName() + "' names=" + dnsNames(cert)
                + " issuer='" + cert.getIssuerX500Principal().getName() + "' valid "
                + cert.getNotBefore().toInstant() + " to " + cert.getNotAfter().toInstant()
                + " serial=" + cert.getSerialNumber().toString(16);
    }

    /** Whether {@code key} is the private half of the certificate's public key (proved by signing a nonce). */
    public static boolean keyMatches(X509Certificate cert, PrivateKey key) {
        PublicKey publicKey = cert.getPublicKey();
        Optional<String> algorithm = signatureAlgorithm(key.getAlgorithm());
        if (algorithm.isEmpty() || !publicKey.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);
        try {
            Signature signer = Signature.getInstance(algorithm.get());
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(nonce);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key on another curve than the certificate's
        }
    }

    static boolean matchesDnsId(String presented, String reference) {
        String name = presented.endsWith(".") ? presented.substring(0, presented.length() - 1) : presented;
        if (!name.startsWith("*.")) {
            return !name.contains("*") && name.equalsIgnoreCase(reference);
        }
        String parent = name.substring(2);
        // At least two labels under the wildcard ("*.test" is too broad) and no further wildcards.
        if (parent.contains("*") || !parent.contains(".")) {
            return false;
        }
        int firstDot = reference.indexOf('.');
        return firstDot > 0 && reference.substring(firstDot + 1).equalsIgnoreCase(parent);
    }

    private static Optional<String> normalise(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String name = domain.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("*")) {
            return Optional.empty(); // reference identifiers never contain wildcards
        }
        try {
            return Optional.of(IDN.toASCII(name).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A common name as an A-label DNS-ID; a name IDNA refuses is kept as it is and will simply not match. */
    private static String presentedForm(String commonName) {
        try {
            return IDN.toASCII(commonName.strip()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return commonName.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The most specific (last) CN of the subject, if any. */
    private static Optional<String> commonName(X509Certificate cert) {
        RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[rdns.length - 1].getFirst().getValue();
        return value instanceof ASN1String text ? Optional.of(text.getString()) : Optional.empty();
    }

    private static Optional<String> signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "DSA" -> Optional.of("SHA256withDSA");
            case "EdDSA", "Ed25519", "Ed448" -> Optional.of("EdDSA");
            default -> Optional.empty();
        };
    }
}
