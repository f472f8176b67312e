package org.parley.xmpp.dns;

import java.net.InetAddress;
import java.util.List;

/** Outcome of resolving a host name to IPv4/IPv6 addresses (A and AAAA records). */
public sealed interface AddressResolution {

    /** Addresses in the order to try them (IPv6 first when both are present, RFC 8305 style); never empty. */
    record Found(List<InetAddress> addresses) implements AddressResolution {
        public Found {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("no addresses");
            }
        }
    }

    /** No address: the failure kind and a detail for logs. */
    record Failed(DnsFailure failure, String detail) implements AddressResolution { }
}
