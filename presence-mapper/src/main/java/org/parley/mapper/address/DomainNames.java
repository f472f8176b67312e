package org.parley.mapper.address;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.mapper.MappingResult;

/**
 * Normalises the domain of a JID (RFC 7622 §3.2) or the host of a SIP URI to one comparable form: IDNA A-labels,
 * lower case, no trailing dot, at most 253 octets of LDH labels. RFC 7247 §6.1 leaves domain mapping to DNS, so the
 * same normalised name is used on both sides. IP literals are refused: federation needs domain names.
 *
 * <p>A normalised name is the JVM's interned copy ({@link String#intern()}): a gateway holds hundreds of thousands
 * of addresses over a few dozen domains, and one copy per address would cost more than the rest of the address.
 * Interned strings nobody references any more are collected, so names from the network do not accumulate.
 */
final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    private DomainNames() {
    }

    /** The normalised name, or a {@link AddressProblem#MALFORMED} rejection saying what is wrong. */
    static MappingResult<String> normalize(String raw) {
        if (raw.isEmpty()) {
            return malformed(raw, "empty domain");
        }
        if (raw.startsWith("[") || raw.indexOf(':') >= 0) {
            return malformed(raw, "IP literals are not supported");
        }
        String name = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return malformed(raw, "not a valid internationalised domain name");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return malformed(raw, "a domain name has 1 to 253 characters");
        }
        if (ALL_DIGITS_AND_DOTS.matcher(ascii).matches()) {
            return malformed(raw, "IP addresses are not supported");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return malformed(raw, "bad label '" + label + "'");
            }
        }
        return MappingResult.mapped(ascii.intern());
    }

    /** The normalised name; for names already known to be valid (configuration, constructors). */
    static String normalizeOrThrow(String raw) {
        MappingResult<String> result = normalize(raw);
        if (result instanceof MappingResult.Rejected<String> rejected) {
            throw new IllegalArgumentException(rejected.rejection().reason());
        }
        return result.orElseThrow();
    }

    private static MappingResult<String> malformed(String raw, String why) {
        return MappingResult.rejected(AddressProblem.MALFORMED.reject("domain '" + raw + "': " + why));
    }
}
