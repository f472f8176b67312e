package org.parley.gateway.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.config.GatewayConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development certificates for the names of a configuration: the core of {@code parley certs init} and of
 * certificate generation at first start.
 *
 * <p>Files (see {@link CertificateLayout}): the CA certificate at {@code <sip><tls trust>} with its key as
 * {@code ca-key.pem} beside it, the CA certificate again at {@code <xmpp><tls trust>} when that is another
 * file, and for XMPP (all XMPP domains) and SIP (the FQDN, then the SIP domains) a certificate file holding the
 * leaf followed by the CA, and a PKCS#8 key file (mode 0600). Parent directories are created.
 *
 * <p>The CA is reused when the trust file and {@code ca-key.pem} hold a CA that can still issue (see
 * {@link DevelopmentPki#canIssueWith}); its files are then left alone, so peers that trust it keep doing so.
 * Otherwise a new CA is created. To start over with a new CA, delete {@code ca-key.pem}.
 *
 * <p>Existing files are never overwritten without {@code force}: the result lists them and nothing is written.
 */
public final class DevelopmentCertificates {

    /** Subject common name of a CA this class creates. */
    public static final String CA_NAME = "Parley development CA";

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentCertificates.class);

    private final DevelopmentPki pki;

    public DevelopmentCertificates(DevelopmentPki pki) {
        this.pki = Objects.requireNonNull(pki, "pki");
    }

    /**
     * Issues certificates for {@code config}'s names, reusing the development CA when possible.
     *
     * @param force replace existing files; without it, existing files make the result {@link
     *              GenerationResult.WouldOverwrite} and nothing is written
     * @throws IOException when a file cannot be written (files written before the failure stay)
     */
    public GenerationResult generate(GatewayConfig config, boolean force) throws IOException {
        CertificateLayout layout = CertificateLayout.of(config);
        if (layout.conflict().isPresent()) {
            return new GenerationResult.Conflict(layout.conflict().get());
        }
        Optional<IssuedCertificate> existingCa = reusableCa(layout);
        List<Path> targets = targets(layout, existingCa);
        List<Path> existing = targets.stream().filter(Files::exists).toList();
        if (!existing.isEmpty() && !force) {
            return new GenerationResult.WouldOverwrite(existing);
        }
        IssuedCertificate ca = existingCa.orElseGet(() -> pki.createCa(CA_NAME));
        List<Path> written = new ArrayList<>();
        if (existingCa.isEmpty()) {
            writeKey(layout.caKey(), ca.key(), written);
            writeChain(layout.caCertificate(), List.of(ca.cert()), written);
        }
        Optional<Path> extraTrust = layout.extraTrust().filter(targets::contains);
        if (extraTrust.isPresent()) {
            writeChain(extraTrust.get(), List.of(ca.cert()), written);
        }
        for (CertificateLayout.Leaf leaf : layout.leaves()) {
            IssuedCertificate issued = pki.issue(ca, leaf.names());
            writeKey(leaf.key(), issued.key(), written);
            writeChain(leaf.certificate(), issued.chain(), written);
            LOG.info("{} certificate: {}", leaf.role(), CertificateNames.describe(issued.cert()));
        }
        return new GenerationResult.Generated(written, existingCa.isPresent(), ca.cert());
    }

    /**
     * First start: generates when every configured certificate, key and trust file is missing, does nothing
     * when all exist, and reports {@link GenerationResult.Incomplete} (writing nothing) when only some exist.
     */
    public GenerationResult generateIfAllMissing(GatewayConfig config) throws IOException {
        CertificateLayout layout = CertificateLayout.of(config);
        if (layout.conflict().isPresent()) {
            return new GenerationResult.Conflict(layout.conflict().get());
        }
        Inventory inventory = inventory(config);
        if (inventory.missing().isEmpty()) {
            return new GenerationResult.AlreadyPresent(inventory.present());
        }
        if (!inventory.present().isEmpty()) {
            return new GenerationResult.Incomplete(inventory.present(), inventory.missing());
        }
        return generate(config, false);
    }

    /** Which configured certificate, key and trust files exist (the CA key is not counted: real CAs have none here). */
    public Inventory inventory(GatewayConfig config) {
        List<Path> files = CertificateLayout.of(config).configuredFiles();
        return new Inventory(files.stream().filter(Files::exists).toList(),
                files.stream().filter(file -> !Files.exists(file)).toList());
    }

    /**
     * The configured certificate, key and trust files, absolute, split by whether they exist.
     *
     * @param present files that exist
     * @param missing files that do not
     */
    public record Inventory(List<Path> present, List<Path> missing) {
        public Inventory {
            present = List.copyOf(present);
            missing = List.copyOf(missing);
        }

        /** Whether none of the files exists (first start). */
        public boolean allMissing() {
            return present.isEmpty();
        }
    }

    /** The files this run would write: the CA's own files only when a new CA is needed. */
    private static List<Path> targets(CertificateLayout layout, Optional<IssuedCertificate> existingCa) {
        List<Path> targets = new ArrayList<>();
        if (existingCa.isEmpty()) {
            targets.add(layout.caKey());
            targets.add(layout.caCertificate());
        }
        layout.extraTrust()
                .filter(path -> existingCa.isEmpty() || !holdsExactly(path, existingCa.get().cert()))
                .ifPresent(targets::add);
        for (CertificateLayout.Leaf leaf : layout.leaves()) {
            targets.add(leaf.key());
            targets.add(leaf.certificate());
        }
        return targets;
    }

    private Optional<IssuedCertificate> reusableCa(CertificateLayout layout) {
        if (!Files.exists(layout.caCertificate()) || !Files.exists(layout.caKey())) {
            return Optional.empty();
        }
        try {
            X509Certificate cert = PemFiles.readCertificates(layout.caCertificate()).get(0);
            PrivateKey key = PemFiles.readPrivateKey(layout.caKey());
            IssuedCertificate ca = IssuedCertificate.single(cert, key);
            if (pki.canIssueWith(ca)) {
                return Optional.of(ca);
            }
            LOG.warn("Not reusing {} with {}: not a valid CA certificate for that key", layout.caCertificate(),
                    layout.caKey());
        } catch (PemException e) {
            LOG.warn("Not reusing the development CA: {}", e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean holdsExactly(Path file, X509Certificate cert) {
        try {
            return Files.exists(file) && PemFiles.readCertificates(file).equals(List.of(cert));
        } catch (PemException e) {
            return false;
        }
    }

    private static void writeChain(Path file, List<X509Certificate> chain, List<Path> written) throws IOException {
        Files.createDirectories(file.getParent());
        PemFiles.writeCertificates(file, chain);
        written.add(file);
        LOG.info("Wrote {}", file);
    }

    private static void writeKey(Path file, PrivateKey key, List<Path> written) throws IOException {
        Files.createDirectories(file.getParent());
        PemFiles.writePrivateKey(file, key);
        written.add(file);
        LOG.info("Wrote {}", file);
    }
}
