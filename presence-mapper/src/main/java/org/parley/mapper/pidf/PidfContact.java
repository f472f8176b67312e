package org.parley.mapper.pidf;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A tuple's PIDF {@code <contact>} (RFC 3863 §4.1.5): the URI to reach the service and an optional relative
 * {@code priority}, a {@code qvalue} from 0 to 1 with at most three decimals (RFC 3261 §20.10 / §25.1).
 */
public record PidfContact(String uri, Optional<BigDecimal> priority) {

    private static final BigDecimal ONE = BigDecimal.ONE;

    /** Requires a non-blank URI and a priority within 0..1 with at most three decimals. */
    public PidfContact {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(priority, "priority");
        if (uri.isBlank() || !XmlNames.isXmlText(uri)) {
            throw new IllegalArgumentException("contact URI must be non-blank XML text");
        }
        priority.ifPresent(PidfContact::requireQvalue);
    }

    /** Whether {@code value} is a qvalue: 0 ≤ value ≤ 1, at most three decimal places. */
    public static boolean isQvalue(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(ONE) <= 0 && value.stripTrailingZeros().scale() <= 3;
    }

    private static void requireQvalue(BigDecimal value) {
        if (!isQvalue(value)) {
            throw new IllegalArgumentException("contact priority must be a qvalue (0..1, 3 decimals): " + value);
        }
    }
}
