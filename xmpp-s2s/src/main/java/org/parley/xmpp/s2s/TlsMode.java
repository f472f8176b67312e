package org.parley.xmpp.s2s;

/** The gateway-wide STARTTLS policy of s2s streams (RFC 6120 §5), {@code <xmpp><tls mode>}. */
public enum TlsMode {
    /** STARTTLS offered as required on inbound streams; outbound streams fail without it. */
    REQUIRED,
    /** STARTTLS offered and used when the peer offers it; dialback in clear is allowed. */
    OPTIONAL,
    /** No TLS at all (tests, or a TLS-terminating proxy in front). */
    DISABLED
}
