package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code <sip>}: the SIP side, spoken over mutual TLS to the Access Edge (RFC 3261 §26, RFC 5922).
 *
 * @param domains    SIP domains behind the edge (at least one)
 * @param fqdn       the gateway's own name: on its SIP certificate, in Via/Contact/Record-Route
 * @param listen     the SIP TLS listener (default 0.0.0.0:5061)
 * @param accessEdge the edge to connect to; empty means find it in DNS
 * @param tls        certificate, key and the trust anchors for the edge
 */
public record SipConfig(
        List<String> domains,
        String fqdn,
        Endpoint listen,
        Optional<AccessEdge> accessEdge,
        SipTlsConfig tls) {

    public SipConfig {
        domains = List.copyOf(domains);
    }

    /** {@code <access-edge host port>}: host is also the name the edge's certificate must carry. */
    public record AccessEdge(String host, int port) { }

    /** {@code <tls certificate key trust>} of {@code <sip>}. */
    public record SipTlsConfig(Path certificate, Path key, Path trust) { }
}
