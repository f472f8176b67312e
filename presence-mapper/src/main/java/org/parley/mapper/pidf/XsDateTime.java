package org.parley.mapper.pidf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code xs:dateTime} values as PIDF timestamps carry them (RFC 3863 §4.1.7): ISO 8601 with an optional offset.
 * A value without offset is read as UTC, the only reading that does not depend on where the gateway runs.
 */
final class XsDateTime {

    private XsDateTime() {
    }

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException withoutOffset) {
                return Optional.empty();
            }
        }
    }
}
