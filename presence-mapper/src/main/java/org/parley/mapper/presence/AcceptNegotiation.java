package org.parley.mapper.presence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.parley.mapper.im.ContentType;

/**
 * Chooses the body of the NOTIFYs for a watcher from the {@code Accept} header fields of its SUBSCRIBE (RFC 6665
 * §4.2.1, with RFC 3261 §20.1 media ranges; RFC 3856 §6.7 for the presence package's default):
 * <pre>
 *  Accept in the SUBSCRIBE                                   body
 *  none                                                      PIDF (the package's default)
 *  accepts application/pidf+xml (also through * / * or       PIDF
 *    application/*)
 *  accepts application/msrtc-event-categories+xml,           Microsoft enhanced presence categories
 *    not PIDF
 *  neither, or an empty Accept ("no formats acceptable")     none: answer 406 Not Acceptable (RFC 3261 §21.4.7)
 * </pre>
 * A range with {@code q=0} is not acceptable; other q-values do not reorder the choice (PIDF is preferred whenever
 * it is acceptable, since it carries resources and per-language notes). Ranges that do not parse are skipped.
 */
public final class AcceptNegotiation {

    private AcceptNegotiation() {
    }

    /**
     * The body type for a SUBSCRIBE whose {@code Accept} header fields have {@code values} (each may hold
     * several comma-separated ranges); an empty list means the request had no Accept header.
     *
     * @return empty when no type the gateway writes is acceptable (answer 406)
     */
    public static Optional<NotifyBodyType> choose(List<String> values) {
        if (values.isEmpty()) {
            return Optional.of(NotifyBodyType.PIDF);
        }
        List<ContentType> ranges = values.stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip).filter(range -> !range.isEmpty())
                .map(ContentType::parse).flatMap(Optional::stream).toList();
        for (NotifyBodyType type : NotifyBodyType.values()) {
            if (ranges.stream().anyMatch(range -> accepts(range, type))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static boolean accepts(ContentType range, NotifyBodyType type) {
        String[] wanted = type.mediaType().split("/", 2);
        boolean matches = range.type().equals("*")
                || (range.type().equals(wanted[0]) && (range.subtype().equals("*")
                        || range.subtype().equals(wanted[1])));
        return matches && !isZeroQuality(range);
    }

    private static boolean isZeroQuality(ContentType range) {
        String q = range.parameters().get("q");
        if (q == null) {
            return false;
        }
        try {
            return new BigDecimal(q.strip()).signum() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
