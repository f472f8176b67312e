package org.parley.mapper.error;

/**
 * The {@code type} attribute of a stanza {@code <error/>} element (RFC 6120 §8.3.2): what the sender is expected
 * to do about the error.
 */
public enum StanzaErrorType {
    /** Retry after providing credentials. */
    AUTH("auth"),
    /** Do not retry; the error cannot be remedied. */
    CANCEL("cancel"),
    /** Proceed; the condition was only a warning. */
    CONTINUE("continue"),
    /** Retry after changing the data sent. */
    MODIFY("modify"),
    /** Retry after waiting; the error is temporary. */
    WAIT("wait");

    private final String xmlValue;

    StanzaErrorType(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The attribute value as it appears on the wire, e.g. {@code "cancel"}. */
    public String xmlValue() {
        return xmlValue;
    }
}
