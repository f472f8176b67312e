package org.parley.gateway.pki;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.config.SipConfig.SipTlsConfig;
import org.parley.gateway.config.XmppConfig.XmppTlsConfig;

/**
 * Where the development certificates of a configuration go, and for which names.
 *
 * <p>The CA certificate goes to {@code <sip><tls trust>} with its key beside it as {@value #CA_KEY_FILE_NAME},
 * and also to {@code <xmpp><tls trust>} when that is another file. The XMPP leaf names every XMPP domain, the
 * SIP leaf the SIP FQDN then the SIP domains. When XMPP and SIP name the same certificate and key files, one
 * leaf carries all the names. Any other path used twice is a conflict.
 *
 * @param caCertificate the SIP trust file
 * @param caKey         {@value #CA_KEY_FILE_NAME} beside it
 * @param extraTrust    the XMPP trust file when it is set and differs from {@code caCertificate}
 * @param leaves        one or two leaves
 * @param conflict      why the paths cannot be used, if they cannot
 */
record CertificateLayout(Path caCertificate, Path caKey, Optional<Path> extraTrust, List<Leaf> leaves,
                         Optional<String> conflict) {

    static final String CA_KEY_FILE_NAME = "ca-key.pem";

    /** One leaf certificate to issue: its names (CN = first) and where its chain and key go. */
    record Leaf(String role, List<String> names, Path certificate, Path key) { }

    static CertificateLayout of(GatewayConfig config) {
        SipTlsConfig sipTls = config.sip().tls();
        XmppTlsConfig xmppTls = config.xmpp().tls();
        Path caCertificate = normalise(sipTls.trust());
        Path caKey = caCertificate.resolveSibling(CA_KEY_FILE_NAME);
        Optional<Path> extraTrust = xmppTls.trust().map(CertificateLayout::normalise)
                .filter(path -> !path.equals(caCertificate));

        List<String> sipNames = new ArrayList<>();
        sipNames.add(config.sip().fqdn());
        sipNames.addAll(config.sip().domains());
        Leaf xmpp = new Leaf("XMPP", config.xmpp().domains(), normalise(xmppTls.certificate()),
                normalise(xmppTls.key()));
        Leaf sip = new Leaf("SIP", sipNames, normalise(sipTls.certificate()), normalise(sipTls.key()));
        List<Leaf> leaves = xmpp.certificate().equals(sip.certificate()) && xmpp.key().equals(sip.key())
                ? List.of(new Leaf("XMPP and SIP", concat(xmpp.names(), sip.names()), xmpp.certificate(), xmpp.key()))
                : List.of(xmpp, sip);

        CertificateLayout layout = new CertificateLayout(caCertificate, caKey, extraTrust, leaves, Optional.empty());
        return layout.findConflict().map(layout::withConflict).orElse(layout);
    }

    /** The files an administrator configures: trust file(s), leaf certificates and keys (not the CA key). */
    List<Path> configuredFiles() {
        List<Path> files = new ArrayList<>();
        files.add(caCertificate);
        extraTrust.ifPresent(files::add);
        for (Leaf leaf : leaves) {
            files.add(leaf.certificate());
            files.add(leaf.key());
        }
        return List.copyOf(files);
    }

    private Optional<String> findConflict() {
        Map<Path, String> uses = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        use(uses, problems, caCertificate, "the SIP trust (CA) file");
        use(uses, problems, caKey, "the development CA key");
        extraTrust.ifPresent(path -> use(uses, problems, path, "the XMPP trust file"));
        for (Leaf leaf : leaves) {
            use(uses, problems, leaf.certificate(), "the " + leaf.role() + " certificate");
            use(uses, problems, leaf.key(), "the " + leaf.role() + " key");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void use(Map<Path, String> uses, List<String> problems, Path path, String role) {
        String previous = uses.putIfAbsent(path, role);
        if (previous != null) {
            problems.add(path + " is configured as both " + previous + " and " + role
                    + "; give each its own file");
        }
    }

    private CertificateLayout withConflict(String problem) {
        return new CertificateLayout(caCertificate, caKey, extraTrust, leaves, Optional.of(problem));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Path normalise(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
