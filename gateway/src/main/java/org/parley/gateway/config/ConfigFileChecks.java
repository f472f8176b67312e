package org.parley.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.pki.CertificateNames;
import org.parley.pki.PemException;
import org.parley.pki.PemFiles;

/**
 * Checks the files a loaded configuration names, as a step of its own: {@code parley run} first generates
 * development certificates when they are missing, and only then checks. Problems point at the attribute that
 * names the file ({@link LoadedConfig#locationOf(FileSetting)}).
 *
 * <ul>
 *   <li>XMPP (unless {@code <tls mode="disabled">}) and SIP: the certificate file holds PEM certificates (leaf
 *       first), the key file one unencrypted private key that belongs to the leaf, and the leaf is valid now and
 *       names every XMPP domain, respectively the SIP FQDN, by the rules of RFC 6125 §6.4 (RFC 6120 §13.7.2,
 *       RFC 5922 §7.2);</li>
 *   <li>trust files hold PEM certificates;</li>
 *   <li>the dialback secret, if it exists already, is a readable file (it is created at first start).</li>
 * </ul>
 */
public final class ConfigFileChecks {

    private ConfigFileChecks() { }

    /** Every problem with the configured files, now; empty if there is none. */
    public static List<ConfigProblem> check(LoadedConfig loaded) {
        return check(loaded, Instant.now());
    }

    /** Every problem with the configured files, judging certificate validity at {@code now}. */
    public static List<ConfigProblem> check(LoadedConfig loaded, Instant now) {
        GatewayConfig config = loaded.config();
        List<ConfigProblem> problems = new ArrayList<>();
        Check check = new Check(loaded, now, problems);
        if (config.xmpp().tls().mode() != XmppConfig.TlsMode.DISABLED) {
            check.leaf(FileSetting.XMPP_CERTIFICATE, FileSetting.XMPP_KEY, "XMPP domain", config.xmpp().domains());
            check.trust(FileSetting.XMPP_TRUST);
        }
        check.leaf(FileSetting.SIP_CERTIFICATE, FileSetting.SIP_KEY, "SIP FQDN", List.of(config.sip().fqdn()));
        check.trust(FileSetting.SIP_TRUST);
        Path secret = config.xmpp().dialback().secretFile();
        if (Files.exists(secret) && !(Files.isRegularFile(secret) && Files.isReadable(secret))) {
            problems.add(loaded.locationOf(FileSetting.DIALBACK_SECRET).problem(secret + ": not a readable file"));
        }
        return List.copyOf(problems);
    }

    /** Checks of one configuration, adding to one list of problems. */
    private record Check(LoadedConfig loaded, Instant now, List<ConfigProblem> problems) {

        void leaf(FileSetting certificateSetting, FileSetting keySetting, String nameKind, List<String> names) {
            Optional<X509Certificate> leaf = certificates(certificateSetting).map(chain -> chain.get(0));
            Optional<PrivateKey> key = privateKey(keySetting);
            Path certificateFile = path(certificateSetting);
            if (leaf.isPresent() && key.isPresent() && !CertificateNames.keyMatches(leaf.get(), key.get())) {
                report(keySetting, path(keySetting) + ": not the private key of the certificate in " + certificateFile);
            }
            if (leaf.isEmpty()) {
                return;
            }
            for (String name : names) {
                if (!CertificateNames.matches(leaf.get(), name)) {
                    List<String> dnsNames = CertificateNames.dnsNames(leaf.get());
                    report(certificateSetting, certificateFile + ": the certificate does not carry " + nameKind + " '"
                            + name + "'; " + (dnsNames.isEmpty() ? "it has no DNS names" : "it names " + String.join(", ", dnsNames)));
                }
            }
            if (now.isAfter(leaf.get().getNotAfter().toInstant())) {
                report(certificateSetting, certificateFile + ": the certificate expired on " + leaf.get().getNotAfter().toInstant());
            } else if (now.isBefore(leaf.get().getNotBefore().toInstant())) {
                report(certificateSetting, certificateFile + ": the certificate is not valid before "
                        + leaf.get().getNotBefore().toInstant());
            }
        }

        void trust(FileSetting setting) {
            if (setting.path(loaded.config()).isPresent()) {
                certificates(setting);
            }
        }

        private Optional<List<X509Certificate>> certificates(FileSetting setting) {
            try {
                return Optional.of(PemFiles.readCertificates(path(setting)));
            } catch (PemException e) {
                report(setting, e.getMessage());
                return Optional.empty();
            }
        }

        private Optional<PrivateKey> privateKey(FileSetting setting) {
            try {
                return Optional.of(PemFiles.readPrivateKey(path(setting)));
            } catch (PemException e) {
                report(setting, e.getMessage());
                return Optional.empty();
            }
        }

        private Path path(FileSetting setting) {
            return setting.path(loaded.config()).orElseThrow();
        }

        private void report(FileSetting setting, String message) {
            problems.add(loaded.locationOf(setting).problem(message));
        }
    }
}
