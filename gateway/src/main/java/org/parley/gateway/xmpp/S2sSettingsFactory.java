package org.parley.gateway.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashSet;
import org.parley.gateway.config.XmppConfig;
import org.parley.pki.PemException;
import org.parley.pki.TlsMaterial;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dialback.DialbackSecret;
import org.parley.xmpp.dns.DnsSettings;
import org.parley.xmpp.s2s.S2sLimits;
import org.parley.xmpp.s2s.S2sSettings;
import org.parley.xmpp.s2s.S2sTimeouts;
import org.parley.xmpp.s2s.TlsMode;
import org.parley.xmpp.s2s.TlsSettings;
import org.parley.xmpp.stream.StreamLimits;

/**
 * Turns {@code <xmpp>} of the configuration into the s2s module's {@link S2sSettings}: the served domains and
 * listener, the certificate and trust (system trust plus {@code <tls trust>}), the XEP-0185 dialback secret
 * (generated at first start), the DNS resolver, and the limits and timeouts. Blocking file I/O; called once
 * while starting.
 */
final class S2sSettingsFactory {

    /** DNS lookup timeout when {@code <dns>} is absent and the system resolver is used. */
    static final Duration SYSTEM_DNS_TIMEOUT = Duration.ofSeconds(5);

    private S2sSettingsFactory() {
    }

    static S2sSettings create(XmppConfig xmpp, SecureRandom random) throws IOException, PemException {
        return new S2sSettings(new LinkedHashSet<>(xmpp.domains()), xmpp.listen().socketAddress(), tls(xmpp.tls()),
                new DialbackKeys(DialbackSecret.loadOrCreate(xmpp.dialback().secretFile(), random)), dns(xmpp),
                limits(xmpp.limits()), timeouts(xmpp.limits()));
    }

    private static TlsSettings tls(XmppConfig.XmppTlsConfig tls) throws PemException {
        if (tls.mode() == XmppConfig.TlsMode.DISABLED) {
            return TlsSettings.disabled();
        }
        TlsMaterial material = TlsMaterial.load(tls.certificate(), tls.key(), tls.trust(), TlsMaterial.SystemTrust.INCLUDE);
        return TlsSettings.of(TlsMode.valueOf(tls.mode().name()), material.keyManagerFactory(),
                material.trustManagerFactory());
    }

    private static DnsSettings dns(XmppConfig xmpp) {
        return xmpp.dns()
                .map(d -> new DnsSettings(java.util.Optional.of(new InetSocketAddress(d.server(), d.port())), d.timeout()))
                .orElseGet(() -> new DnsSettings(java.util.Optional.empty(), SYSTEM_DNS_TIMEOUT));
    }

    private static S2sLimits limits(XmppConfig.XmppLimits limits) {
        S2sLimits defaults = S2sLimits.defaults();
        return new S2sLimits(StreamLimits.defaults().withMaxStanzaBytes(limits.maxStanzaBytes()), limits.queueSize(),
                defaults.maxUnauthenticatedPerAddress(), defaults.maxStanzasPerSecond());
    }

    private static S2sTimeouts timeouts(XmppConfig.XmppLimits limits) {
        S2sTimeouts d = S2sTimeouts.defaults();
        return new S2sTimeouts(d.negotiation(), limits.connectTimeout(), limits.idleTimeout(), d.pingInterval(),
                d.pingTimeout(), d.backoffMin(), d.backoffMax());
    }
}
