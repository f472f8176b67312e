package org.parley.sip;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the SIP federation leg is configured with, parsed and validated by the gateway from
 * {@code <sip>} and passed in once.
 *
 * @param listen      where the TLS listener binds ({@code <sip><listen>})
 * @param fqdn        the gateway's name: on its certificate, in Via sent-by and Contact ({@code <sip><fqdn>};
 *                    RFC 3261 §18.2.1, RFC 5922 §4)
 * @param edge        how to reach the Access Edge ({@code <sip><access-edge>} or DNS discovery)
 * @param tls         the gateway's certificate and the trust anchors for the edge
 * @param dnsServer   the resolver for edge discovery; empty for the system resolver
 * @param timers      connection and keep-alive timing
 * @param limits      resource bounds on inbound traffic
 */
public record SipSettings(InetSocketAddress listen, String fqdn, AccessEdge edge, SipTls tls,
                          Optional<InetSocketAddress> dnsServer, Timers timers, Limits limits) {

    public SipSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(dnsServer, "dnsServer");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(limits, "limits");
        if (fqdn == null || fqdn.isBlank() || fqdn.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || fqdn.contains(":")) {
            throw new IllegalArgumentException("fqdn must be a host name, not '" + fqdn + "' (RFC 5922 §4)");
        }
    }

    /** Settings with default {@link Timers} and {@link Limits} and the system resolver. */
    public static SipSettings of(InetSocketAddress listen, String fqdn, AccessEdge edge, SipTls tls) {
        return new SipSettings(listen, fqdn, edge, tls, Optional.empty(), Timers.defaults(), Limits.defaults());
    }

    public SipSettings withTimers(Timers value) {
        return new SipSettings(listen, fqdn, edge, tls, dnsServer, value, limits);
    }

    public SipSettings withLimits(Limits value) {
        return new SipSettings(listen, fqdn, edge, tls, dnsServer, timers, value);
    }

    public SipSettings withDnsServer(InetSocketAddress value) {
        return new SipSettings(listen, fqdn, edge, tls, Optional.of(value), timers, limits);
    }

    /**
     * Timing of the edge connection.
     *
     * @param connect           TCP connect timeout toward the edge
     * @param handshake         TLS handshake timeout, both directions; also the longest silence allowed inside a
     *                          partly received inbound message before its connection is closed
     * @param keepAliveInterval OPTIONS keep-alive period while the edge is up
     * @param keepAliveTimeout  how long a keep-alive OPTIONS may go unanswered before the edge counts as down
     * @param backoffMin        first reconnect delay; doubled per failure, with jitter
     * @param backoffMax        longest reconnect delay
     */
    public record Timers(Duration connect, Duration handshake, Duration keepAliveInterval, Duration keepAliveTimeout,
                         Duration backoffMin, Duration backoffMax) {

        public Timers {
            for (Duration d : new Duration[] {connect, handshake, keepAliveInterval, keepAliveTimeout, backoffMin,
                    backoffMax}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("timers must be positive");
                }
            }
            if (backoffMax.compareTo(backoffMin) < 0) {
                throw new IllegalArgumentException("backoffMax < backoffMin");
            }
        }

        public static Timers defaults() {
            return new Timers(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30));
        }
    }

    /**
     * Resource bounds.
     *
     * @param maxMessageBytes         largest SIP message the parser buffers; a larger one closes the connection
     * @param maxBodyBytes            largest body accepted; larger ones get 413 (RFC 3261 §21.4.11)
     * @param requestsPerSecond       sustained requests per second per TLS connection; excess gets 503
     * @param requestBurst            requests a connection may send at once above the sustained rate
     * @param maxConnections          simultaneous TLS connections
     * @param workerQueue             requests waiting for the application; when full, new ones get 503
     */
    public record Limits(int maxMessageBytes, int maxBodyBytes, int requestsPerSecond, int requestBurst,
                         int maxConnections, int workerQueue) {

        public Limits {
            if (maxMessageBytes < 4096 || maxBodyBytes <= 0 || maxBodyBytes >= maxMessageBytes
                    || requestsPerSecond <= 0 || requestBurst <= 0 || maxConnections <= 0 || workerQueue <= 0) {
                throw new IllegalArgumentException("limits must be positive; maxMessageBytes >= 4096 > maxBodyBytes");
            }
        }

        public static Limits defaults() {
            return new Limits(256 * 1024, 64 * 1024, 2000, 4000, 64, 10_000);
        }
    }
}
