package org.parley.xmpp.dns;

/** Why a DNS lookup gave no usable answer. */
public enum DnsFailure {
    /** The name does not exist or has no records of the type asked for. */
    NOT_FOUND,
    /** The SRV record's target is "." (RFC 2782): the domain says it offers no XMPP server-to-server service. */
    SERVICE_UNAVAILABLE,
    /** No answer within the configured timeout. */
    TIMEOUT,
    /** The resolver answered SERVFAIL, REFUSED or another error. */
    SERVER_FAILURE,
    /** The name given cannot be a DNS name. */
    INVALID_NAME
}
