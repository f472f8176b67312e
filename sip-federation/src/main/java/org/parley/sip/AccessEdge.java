package org.parley.sip;

import java.util.Objects;

/**
 * Where the Access Edge is and which name its certificate must carry (RFC 5922 §7.2, RFC 6125 §6.4).
 * The same name is required of the edge's client certificate when it connects to the gateway.
 */
public sealed interface AccessEdge {

    /** The name the edge's certificate must carry. */
    String certificateName();

    /**
     * A configured host and port ({@code <access-edge host port>}); the host is an IP literal or a name
     * resolved to A records through the configured resolver.
     */
    record Direct(String host, int port, String certificateName) implements AccessEdge {
        public Direct {
            Objects.requireNonNull(host, "host");
            requireName(certificateName);
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        /** The host is a name, and that name is what the certificate must carry. */
        public static Direct of(String host, int port) {
            return new Direct(host, port, host);
        }
    }

    /**
     * A SIP domain whose edge is found by DNS as RFC 3263 §4 does for TLS: NAPTR {@code SIPS+D2T}, else SRV
     * {@code _sips._tcp}, then {@code _sipfederationtls._tcp}, else the domain's A records on port 5061.
     * The certificate must carry the domain itself (RFC 5922 §4).
     */
    record Discovered(String domain) implements AccessEdge {
        public Discovered {
            requireName(domain);
        }

        @Override
        public String certificateName() {
            return domain;
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new IllegalArgumentException("a DNS name is required, not '" + name + "'");
        }
    }
}
