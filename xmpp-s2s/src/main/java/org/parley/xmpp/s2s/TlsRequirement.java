package org.parley.xmpp.s2s;

/** Per-domain TLS requirement of a {@link PeerDecision.Permitted} (RFC 6120 §5). */
public enum TlsRequirement {
    /** The stream must be encrypted before authentication; dialback in clear is refused (ROBUSTNESS 11). */
    REQUIRED,
    /** TLS when both sides offer it. */
    OPTIONAL,
    /** Never negotiate TLS with this domain. */
    DISABLED
}
