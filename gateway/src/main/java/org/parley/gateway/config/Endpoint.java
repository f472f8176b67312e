package org.parley.gateway.config;

import java.net.InetSocketAddress;

/** A local address and TCP/UDP port to bind ({@code <listen address port>}, {@code <admin address port>}). */
public record Endpoint(String address, int port) {

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public String toString() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
