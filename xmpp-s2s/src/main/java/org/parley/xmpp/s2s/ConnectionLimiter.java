package org.parley.xmpp.s2s;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the inbound connections from one source address that have not yet authenticated a domain (ROBUSTNESS 6,
 * 14): a slow or hostile sender cannot hold more than {@code max} sockets in negotiation. Thread-safe.
 */
final class ConnectionLimiter {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    ConnectionLimiter(int max) {
        this.max = max;
    }

    /** Counts a new connection; false (and nothing counted) when the address is at its cap. */
    boolean tryAcquire(InetAddress address) {
        boolean[] acquired = {false};
        counts.compute(address, (a, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return n;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    /** Uncounts a connection that authenticated or closed. */
    void release(InetAddress address) {
        counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    int count(InetAddress address) {
        return counts.getOrDefault(address, 0);
    }
}
