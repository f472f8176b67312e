package org.parley.xmpp.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Which DNS server to ask and how long to wait ({@code <xmpp><dns server port timeout>}).
 *
 * @param server  the resolver; empty means the system's resolvers ({@code /etc/resolv.conf})
 * @param timeout how long one lookup may take before it counts as {@link DnsFailure#TIMEOUT}
 */
public record DnsSettings(Optional<InetSocketAddress> server, Duration timeout) {

    public DnsSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
