package org.parley.gateway.allowlist;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalised DNS domain name as used for XMPP domainparts and allow-list keys (RFC 6120 §3.2, RFC 7622 §3.2):
 * IDNA to A-labels (ASCII), lower case, without a trailing dot, at most 253 octets, each label 1–63 octets of
 * letters, digits and hyphens, not starting or ending with a hyphen. IP literals are not domain names here.
 *
 * <p>{@link #parse(String)} returns the problem as a value so callers (configuration, CLI) can report it in
 * their own terms.
 */
public record DomainName(String value) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    /** Rejects anything that is not already in normalised form; use {@link #parse(String)} for user input. */
    public DomainName {
        String problem = value == null ? "null" : checkNormalised(value);
        if (problem != null) {
            throw new IllegalArgumentException("not a normalised domain name '" + value + "': " + problem);
        }
    }

    /** Outcome of {@link #parse(String)}: a normalised name or the reason the input is not one. */
    public sealed interface Parsed {
        /** The input normalised. */
        record Valid(DomainName name) implements Parsed { }

        /** Why the input is not a domain name, phrased for an administrator. */
        record Invalid(String input, String reason) implements Parsed { }
    }

    /** Normalises {@code raw}: trims, applies IDNA ToASCII, lower-cases, drops one trailing dot, validates. */
    public static Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed.Invalid(String.valueOf(raw), "a domain name is required");
        }
        String name = raw.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return new Parsed.Invalid(raw, "not a valid internationalised domain name (" + e.getMessage() + ")");
        }
        String problem = checkNormalised(ascii);
        return problem == null ? new Parsed.Valid(new DomainName(ascii)) : new Parsed.Invalid(raw, problem);
    }

    private static String checkNormalised(String ascii) {
        if (ascii.length() > 253) {
            return "longer than 253 characters";
        }
        if (ALL_DIGITS_AND_DOTS.matcher(ascii).matches() || ascii.contains(":")) {
            return "an IP address, not a domain name";
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return label.isEmpty()
                        ? "has an empty label"
                        : "label '" + label + "' must be 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen";
            }
        }
        return null;
    }

    /** Parses or throws {@link IllegalArgumentException} with the reason; for input already known to be valid. */
    public static DomainName of(String raw) {
        Parsed parsed = parse(raw);
        if (parsed instanceof Parsed.Invalid invalid) {
            throw new IllegalArgumentException("'" + invalid.input() + "': " + invalid.reason());
        }
        return ((Parsed.Valid) parsed).name();
    }

    @Override
    public String toString() {
        return value;
    }
}
