package org.parley.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One header field as name and value (RFC 3261 §7.3); names compare case-insensitively. */
public record SipHeader(String name, String value) {

    public SipHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The first value of {@code name} in {@code headers}. */
    public static Optional<String> first(List<SipHeader> headers, String name) {
        return headers.stream().filter(h -> h.name.equalsIgnoreCase(name)).map(SipHeader::value).findFirst();
    }
}
