package org.parley.sip.edge;

import java.net.InetSocketAddress;
import java.util.List;

/** The result of locating the edge: addresses in preference order, or why there are none. */
public sealed interface EdgeResolution {

    /** Addresses to try in order; {@code how} says which records gave them (for logs). */
    record Resolved(List<InetSocketAddress> addresses, String how) implements EdgeResolution {
        public Resolved {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("no addresses");
            }
        }
    }

    /** Nothing usable was found. */
    record Failed(String reason) implements EdgeResolution {
    }
}
