package org.parley.xmpp.stanza;

import java.util.Locale;

/** The {@code type} of a stanza error (RFC 6120 §8.3.2): what the sender may do about it. */
public enum StanzaErrorType {
    /** Retry after providing credentials. */
    AUTH,
    /** Do not retry; the error cannot be remedied. */
    CANCEL,
    /** Proceed; the condition was only a warning. */
    CONTINUE,
    /** Retry after changing the data sent. */
    MODIFY,
    /** Retry after waiting; the error is temporary. */
    WAIT;

    /** The attribute value, e.g. {@code cancel}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
