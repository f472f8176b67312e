package org.parley.gateway.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes certificates and private keys as PEM text (RFC 7468), with BouncyCastle's parser.
 *
 * <p>Reading accepts what administrators usually have: certificate files with one or more {@code CERTIFICATE}
 * blocks (leaf first, then intermediates), and unencrypted keys as PKCS#8 {@code PRIVATE KEY} (RFC 5208),
 * PKCS#1 {@code RSA PRIVATE KEY} (RFC 8017 appendix A.1.2) or SEC1 {@code EC PRIVATE KEY} (RFC 5915). Other
 * blocks in the same file (e.g. a key next to the certificates, OpenSSL's {@code EC PARAMETERS}) are ignored.
 * Problems are reported as {@link PemException} naming the file.
 *
 * <p>Writing replaces the file atomically where the file system allows it; keys are written as PKCS#8 and, on
 * POSIX file systems, with mode {@code 0600} from the moment the file exists. Keys are returned as standard JCA
 * objects; no security provider is installed globally.
 */
public final class PemFiles {

    private static final String DECRYPT_HINT =
            "encrypted private keys are not supported; write a decrypted copy with "
                    + "'openssl pkey -in <encrypted.pem> -out <key.pem>' and keep it readable only by the gateway";

    private PemFiles() {
    }

    /** The certificates of {@code file} in file order (leaf first by convention); at least one. */
    public static List<X509Certificate> readCertificates(Path file) throws PemException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : readObjects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PemException(file, "certificate " + (certificates.size() + 1)
                            + " cannot be decoded: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new PemException(file, "contains no PEM 'CERTIFICATE' block; expected one or more "
                    + "'-----BEGIN CERTIFICATE-----' blocks, leaf certificate first (a DER file can be converted "
                    + "with 'openssl x509 -inform der -in <file.der> -out <file.pem>')");
        }
        return List.copyOf(certificates);
    }

    /** The single unencrypted private key in {@code file}. */
    public static PrivateKey readPrivateKey(Path file) throws PemException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey key = null;
        for (Object object : readObjects(file)) {
            PrivateKey found = toPrivateKey(file, object, converter);
            if (found != null && key != null) {
                throw new PemException(file, "contains more than one private key; keep exactly one per file");
            }
            key = found != null ? found : key;
        }
        if (key == null) {
            throw new PemException(file, "contains no private key; expected a PEM block "
                    + "'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'");
        }
        return key;
    }

    /** Writes {@code chain} as consecutive {@code CERTIFICATE} blocks, in list order (leaf first). */
    public static void writeCertificates(Path file, List<X509Certificate> chain) throws IOException {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate to write to " + file);
        }
        writeAtomically(file, toPem(chain.toArray()), false);
    }

    /** Writes {@code key} as an unencrypted PKCS#8 {@code PRIVATE KEY} block, mode 0600 on POSIX systems. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        writeAtomically(file, toPem(new JcaPKCS8Generator(key, null)), true);
    }

    private static List<Object> readObjects(Path file) throws PemException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (NoSuchFileException e) {
            throw new PemException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new PemException(file, "permission denied; the gateway's user must be able to read it", e);
        } catch (IOException | RuntimeException e) {
            throw new PemException(file, "not a readable PEM file (" + e.getMessage() + ")", e);
        }
        return objects;
    }

    private static PrivateKey toPrivateKey(Path file, Object object, JcaPEMKeyConverter converter)
            throws PemException {
        try {
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may omit the public key
            }
        } catch (IOException e) {
            throw new PemException(file, "private key cannot be decoded: " + e.getMessage(), e);
        }
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new PemException(file, DECRYPT_HINT);
        }
        return null; // certificates, EC PARAMETERS (ASN1ObjectIdentifier) and the like are not keys
    }

    private static byte[] toPem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory", e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeAtomically(Path file, byte[] content, boolean secret) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        boolean posix = Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
        // createTempFile gives 0600 on POSIX systems, so a key is never readable by others, even briefly.
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            if (posix && !secret) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
