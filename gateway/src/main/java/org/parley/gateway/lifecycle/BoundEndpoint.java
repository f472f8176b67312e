package org.parley.gateway.lifecycle;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An address a started service actually listens on (with the real port when port 0 was configured).
 *
 * @param purpose  what it is for, e.g. {@code "admin"}, {@code "xmpp s2s"}
 * @param protocol the protocol spoken there, e.g. {@code "http"}, {@code "xmpp"}, {@code "sip+tls"}
 * @param address  the bound local address
 */
public record BoundEndpoint(String purpose, String protocol, InetSocketAddress address) {

    public BoundEndpoint {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
    }

    /** The address as {@code host:port}, IPv6 literals in brackets. */
    public String hostAndPort() {
        String host = address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** E.g. {@code "admin http 127.0.0.1:8080"}. */
    @Override
    public String toString() {
        return purpose + " " + protocol + " " + hostAndPort();
    }
}
