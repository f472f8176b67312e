package org.parley.xmpp.s2s;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.DnsSettings;
import org.parley.xmpp.stanza.Jid;

/**
 * Everything the s2s service needs, built once by the gateway from {@code <xmpp>} in its configuration and
 * passed by constructor.
 *
 * @param domains      the XMPP domains served (normalised domainparts, RFC 7622 §3.2); at least one
 * @param listen       where {@link S2sServer} listens (port 0 picks a free port)
 * @param tls          STARTTLS policy, certificate and trust
 * @param dialbackKeys XEP-0185 keys over the persistent secret
 * @param dns          the resolver for SRV and address lookups
 * @param limits       resource limits
 * @param timeouts     time limits
 */
public record S2sSettings(Set<String> domains, InetSocketAddress listen, TlsSettings tls, DialbackKeys dialbackKeys,
                          DnsSettings dns, S2sLimits limits, S2sTimeouts timeouts) {

    public S2sSettings {
        Set<String> normalised = new LinkedHashSet<>();
        for (String domain : domains) {
            normalised.add(Jid.normaliseDomain(domain)
                    .orElseThrow(() -> new IllegalArgumentException("not an XMPP domain: " + domain)));
        }
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("at least one served domain is required");
        }
        domains = Set.copyOf(normalised);
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(dialbackKeys, "dialbackKeys");
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** Whether {@code domain} is one of ours. */
    public boolean serves(String domain) {
        return domains.contains(domain);
    }
}
