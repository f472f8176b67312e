package org.parley.sip.stack;

/** Why a TLS connection with the edge failed; a metrics tag and a log word. */
public enum TlsFailureReason {
    /** The peer's chain does not lead to a trust anchor (or is expired, or not for TLS use). */
    UNTRUSTED_CHAIN,
    /** The chain is trusted but names another host than the configured edge (RFC 6125 §6.4). */
    NAME_MISMATCH,
    /** The peer connected to the listener without a client certificate. */
    NO_CERTIFICATE,
    /** The peer sent an alert or closed the connection during or right after the handshake. */
    PEER_REFUSED,
    /** The handshake did not finish in time. */
    HANDSHAKE_TIMEOUT,
    /** Anything else (protocol or cipher mismatch, I/O error during the handshake). */
    HANDSHAKE_FAILED;

    /** Lower-case form for metric tags. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
