package org.parley.mapper.pidf;

import java.util.Optional;

/** The PIDF {@code <basic>} status of a tuple (RFC 3863 §4.1.4): whether the service is open for communication. */
public enum BasicStatus {
    /** {@code open}: the service can accept communication. */
    OPEN("open"),
    /** {@code closed}: the service cannot accept communication. */
    CLOSED("closed");

    private final String wire;

    BasicStatus(String wire) {
        this.wire = wire;
    }

    /** The element text, {@code "open"} or {@code "closed"}. */
    public String wire() {
        return wire;
    }

    /** The status whose text is {@code text} (exact, as the RFC 3863 schema enumerates it), or empty. */
    public static Optional<BasicStatus> fromWire(String text) {
        for (BasicStatus status : values()) {
            if (status.wire.equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
