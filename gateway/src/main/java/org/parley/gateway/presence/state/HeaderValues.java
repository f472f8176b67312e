package org.parley.gateway.presence.state;

import java.util.Objects;

/** Checks for SIP header values kept in stored dialogs (RFC 3261 §25.1: an unfolded header value has no CR/LF). */
final class HeaderValues {

    private HeaderValues() {
    }

    /** Requires a non-empty value without CR, LF or surrounding white space. */
    static String requireToken(String value, String name) {
        requireLine(value, name);
        if (value.isEmpty() || !value.strip().equals(value)) {
            throw new IllegalArgumentException(name + " must be non-empty without surrounding space: '" + value + "'");
        }
        return value;
    }

    /** Requires a value without CR or LF. */
    static String requireLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a line break");
        }
        return value;
    }
}
