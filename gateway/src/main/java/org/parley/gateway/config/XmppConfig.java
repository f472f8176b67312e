package org.parley.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code <xmpp>}: the XMPP domains the gateway serves as an RFC 6120 server, and how it federates on s2s.
 *
 * @param domains      normalised XMPP domains served (at least one)
 * @param listen       the s2s listener (default 0.0.0.0:5269)
 * @param tls          STARTTLS / certificate settings
 * @param dialback     XEP-0185 dialback key secret
 * @param dns          resolver for SRV/A lookups; empty means the system resolver
 * @param limits       stream limits (RFC 6120 §13.12)
 */
public record XmppConfig(
        List<String> domains,
        Endpoint listen,
        XmppTlsConfig tls,
        DialbackConfig dialback,
        Optional<DnsConfig> dns,
        XmppLimits limits) {

    public XmppConfig {
        domains = List.copyOf(domains);
    }

    /** {@code <tls mode certificate key trust>} of {@code <xmpp>}. {@code trust} adds a CA file to system trust. */
    public record XmppTlsConfig(TlsMode mode, java.nio.file.Path certificate, java.nio.file.Path key,
                                Optional<java.nio.file.Path> trust) { }

    /** {@code <dialback secret-file>}: where the XEP-0185 HMAC secret is kept (generated at first start). */
    public record DialbackConfig(java.nio.file.Path secretFile) { }

    /** {@code <dns server port timeout>}: the DNS resolver used for XMPP SRV and A/AAAA lookups. */
    public record DnsConfig(String server, int port, Duration timeout) { }

    /**
     * {@code <limits>}: RFC 6120 §13.12 resource limits.
     *
     * @param maxStanzaBytes   largest stanza accepted (default 262144, never below 10000)
     * @param queueSize        stanzas waiting per route being set up (default 1000)
     * @param connectTimeout   TCP connect plus stream negotiation deadline (default PT30S)
     * @param idleTimeout      an unused s2s stream is closed after this (default PT10M)
     */
    public record XmppLimits(int maxStanzaBytes, int queueSize, Duration connectTimeout, Duration idleTimeout) { }

    /** STARTTLS policy of the listener and of outbound streams. */
    public enum TlsMode { REQUIRED, OPTIONAL, DISABLED }
}
