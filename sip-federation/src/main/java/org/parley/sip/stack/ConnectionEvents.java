package org.parley.sip.stack;

import java.net.InetSocketAddress;

/** What the network layer reports about TLS connections; implemented by the edge link and metrics. */
public interface ConnectionEvents {

    /** An outbound connection (toward the edge) ended: EOF, reset, alert, or closed by the stack. */
    void outboundClosed(InetSocketAddress remote, String reason);

    /** A TLS handshake failed or a peer was refused; {@code inbound} when the peer connected to us. */
    void tlsFailure(TlsFailureReason reason, boolean inbound, String detail);

    /** An inbound connection lost SIP framing (RFC 3261 §18.3) and is being closed. */
    void framingLost(InetSocketAddress remote, String reason);

    /**
     * The message valve refused or dropped an inbound request before the stack saw it; {@code reason} is a
     * metric tag ({@code missing_header}, {@code cut_off}).
     */
    default void requestRefused(String reason) {
    }
}
