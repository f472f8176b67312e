package org.parley.gateway.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.IDN;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for development and tests: a self-signed CA and TLS leaf certificates for
 * given DNS names, profiled after RFC 5280.
 *
 * <ul>
 *   <li>CA: subject {@code CN=<name>}, basicConstraints {@code CA:true, pathlen:0} (critical), keyUsage
 *       {@code keyCertSign, cRLSign} (critical), subject key identifier; valid {@link #DEFAULT_CA_VALIDITY}.</li>
 *   <li>Leaf: subject {@code CN=<first name>}, subjectAltName dNSName for every name (A-labels, lower case;
 *       RFC 6125 §6.4 makes peers look there), basicConstraints {@code CA:false}, keyUsage
 *       {@code digitalSignature} (+ {@code keyEncipherment} for RSA), extendedKeyUsage {@code serverAuth,
 *       clientAuth} (s2s and SIP mutual TLS use one certificate in both roles), authority and subject key
 *       identifiers; valid {@link #DEFAULT_LEAF_VALIDITY}.</li>
 * </ul>
 * Serial numbers are 159 random bits (RFC 5280 §4.1.2.2: positive, at most 20 octets). {@code notBefore} is
 * the clock's current second. Keys are {@link KeyType#EC_P256} unless another type is given; an issued
 * certificate is signed with the algorithm matching the issuer's key.
 */
public final class DevelopmentPki {

    /** 825 days: the longest TLS server certificate lifetime Apple platforms and old CA/B rules accept. */
    public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofDays(825);
    /** Ten years, so reissuing leaves does not require redistributing the CA. */
    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);

    private final Clock clock;
    private final KeyType keyType;
    private final Duration leafValidity;
    private final Duration caValidity;
    private final SecureRandom random = new SecureRandom();

    /** EC P-256 keys and the default validities. */
    public DevelopmentPki(Clock clock) {
        this(clock, KeyType.EC_P256, DEFAULT_LEAF_VALIDITY, DEFAULT_CA_VALIDITY);
    }

    /**
     * @param clock        gives {@code notBefore} of every certificate
     * @param keyType      the type of every key generated
     * @param leafValidity lifetime of leaf certificates
     * @param caValidity   lifetime of CA certificates
     */
    public DevelopmentPki(Clock clock, KeyType keyType, Duration leafValidity, Duration caValidity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.leafValidity = requirePositive(leafValidity, "leafValidity");
        this.caValidity = requirePositive(caValidity, "caValidity");
    }

    /** A new self-signed CA named {@code CN=commonName}. */
    public IssuedCertificate createCa(String commonName) {
        KeyPair keys = generateKeyPair();
        X500Name subject = commonName(commonName);
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), caValidity);
        addExtensions(builder, Extensions.forCa(keys.getPublic()));
        return IssuedCertificate.single(sign(builder, keys.getPrivate()), keys.getPrivate());
    }

    /** A leaf for {@code dnsNames} (CN = the first) signed by {@code ca}; chain: the leaf, then {@code ca}'s chain. */
    public IssuedCertificate issue(IssuedCertificate ca, List<String> dnsNames) {
        if (ca.cert().getBasicConstraints() < 0) {
            throw new IllegalArgumentException("not a CA certificate: " + CertificateNames.describe(ca.cert()));
        }
        List<String> names = normalise(dnsNames);
        KeyPair keys = generateKeyPair();
        X500Name issuer = X500Name.getInstance(ca.cert().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuer, commonName(names.get(0)), keys.getPublic(), leafValidity);
        addExtensions(builder, Extensions.forLeaf(names, keys.getPublic(), ca.cert().getPublicKey(), keyType));
        X509Certificate cert = sign(builder, ca.key());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        chain.addAll(ca.chain());
        return new IssuedCertificate(cert, keys.getPrivate(), chain);
    }

    /** A self-signed leaf for {@code dnsNames} (CN = the first), with the same profile as {@link #issue}. */
    public IssuedCertificate selfSigned(List<String> dnsNames) {
        List<String> names = normalise(dnsNames);
        KeyPair keys = generateKeyPair();
        X500Name subject = commonName(names.get(0));
        X509v3CertificateBuilder builder = builder(subject, subject, keys.getPublic(), leafValidity);
        addExtensions(builder, Extensions.forLeaf(names, keys.getPublic(), keys.getPublic(), keyType));
        return IssuedCertificate.single(sign(builder, keys.getPrivate()), keys.getPrivate());
    }

    /**
     * Whether {@code ca} can issue leaves now: a CA certificate (basicConstraints CA:true) valid at the clock's
     * instant, with its own EC or RSA private key.
     */
    public boolean canIssueWith(IssuedCertificate ca) {
        try {
            ca.cert().checkValidity(Date.from(clock.instant()));
        } catch (CertificateException e) {
            return false;
        }
        return ca.cert().getBasicConstraints() >= 0 && KeyType.of(ca.key()).isPresent()
                && CertificateNames.keyMatches(ca.cert(), ca.key());
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BigInteger serial = new BigInteger(159, random).add(BigInteger.ONE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                Date.from(notBefore.plus(validity)), subject, key);
    }

    private static void addExtensions(X509v3CertificateBuilder builder, List<Extension> extensions) {
        try {
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode certificate extension", e);
        }
    }

    /** Signs with the algorithm of the signer's key type (SHA-256 with ECDSA or RSA). */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        KeyType signerType = KeyType.of(signer).orElseThrow(() -> new IllegalArgumentException(
                "cannot sign with a " + signer.getAlgorithm() + " key; development certificates use EC or RSA"));
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder(signerType.signatureAlgorithm()).build(signer)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate with " + signerType, e);
        }
    }

    private KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType.keyAlgorithm());
            if (keyType == KeyType.EC_P256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                generator.initialize(2048, random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + keyType + " keys", e);
        }
    }

    private static X500Name commonName(String name) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    }

    /** A-labels in lower case, duplicates removed, order kept; any name IDNA accepts (wildcards included). */
    static List<String> normalise(List<String> dnsNames) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : dnsNames) {
            names.add(IDN.toASCII(name.strip()).toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one DNS name");
        }
        return List.copyOf(names);
    }

    private static Duration requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
        return duration;
    }

    /** The extensions of each profile, kept apart from the key and signing mechanics above. */
    private static final class Extensions {

        private Extensions() {
        }

        static List<Extension> forCa(PublicKey key) {
            return List.of(
                    extension(Extension.basicConstraints, true, new BasicConstraints(0)),
                    extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    extension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(key)));
        }

        static List<Extension> forLeaf(List<String> names, PublicKey key, PublicKey issuerKey, KeyType type) {
            GeneralName[] altNames = names.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            int usage = type == KeyType.RSA_2048
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
            return List.of(
                    extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                    extension(Extension.keyUsage, true, new KeyUsage(usage)),
                    extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth})),
                    extension(Extension.subjectAlternativeName, false, new GeneralNames(altNames)),
                    extension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(key)),
                    extension(Extension.authorityKeyIdentifier, false,
                            utils().createAuthorityKeyIdentifier(issuerKey)));
        }

        private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            try {
                return Extension.create(oid, critical, value);
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode extension " + oid, e);
            }
        }

        private static JcaX509ExtensionUtils utils() {
            try {
                return new JcaX509ExtensionUtils();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-1 for key identifiers", e);
            }
        }
    }
}
