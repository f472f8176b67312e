package org.parley.mapper.address;

/**
 * The URI schemes of RFC 3261 §19.1. {@code sips:} is recognised so that callers can refuse it: RFC 7247 §9
 * forbids translating a request whose target is a SIPS URI, because XMPP cannot promise TLS on every hop.
 */
public enum SipScheme {
    /** {@code sip:}. */
    SIP("sip"),
    /** {@code sips:}: every hop must be protected by TLS. */
    SIPS("sips");

    private final String scheme;

    SipScheme(String scheme) {
        this.scheme = scheme;
    }

    /** The scheme name without the colon, lower case. */
    public String scheme() {
        return scheme;
    }
}
