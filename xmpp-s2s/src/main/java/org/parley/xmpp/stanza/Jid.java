package org.parley.xmpp.stanza;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP address (RFC 7622): optional localpart, domainpart, optional resourcepart, each checked and
 * normalised on construction. Malformed input is an expected outcome of parsing what peers send, so
 * {@link #parse(String)} returns empty rather than throwing; a stanza carrying such an address is answered with
 * {@code <jid-malformed/>} (RFC 6120 §8.3.3.8).
 *
 * <p>Checks (RFC 7622 §3): every part 1–1023 bytes of UTF-8; the localpart free of the characters
 * {@code " & ' / : < > @}, spaces and controls, case-folded to lower case and normalised to NFC (an
 * approximation of the UsernameCaseMapped profile); the domainpart a valid IDNA host name or IP literal, lower
 * case, without a trailing dot; the resourcepart free of controls, NFC.
 *
 * @param local    the localpart, {@code ""} for none
 * @param domain   the domainpart, never empty
 * @param resource the resourcepart, {@code ""} for none
 */
public record Jid(String local, String domain, String resource) {

    private static final int MAX_PART_BYTES = 1023;
    private static final String LOCAL_FORBIDDEN = "\"&'/:<>@";

    /** Checks the parts as given (already normalised). */
    public Jid {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(resource, "resource");
        if (!local.isEmpty() && normaliseLocal(local).filter(local::equals).isEmpty()) {
            throw new IllegalArgumentException("malformed localpart: " + local);
        }
        if (normaliseDomain(domain).filter(domain::equals).isEmpty()) {
            throw new IllegalArgumentException("malformed domainpart: " + domain);
        }
        if (!resource.isEmpty() && normaliseResource(resource).filter(resource::equals).isEmpty()) {
            throw new IllegalArgumentException("malformed resourcepart: " + resource);
        }
    }

    /** Parses {@code [local@]domain[/resource]} (RFC 7622 §3.1); empty when any part is malformed. */
    public static Optional<Jid> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String bare = slash < 0 ? text : text.substring(0, slash);
        String resource = slash < 0 ? "" : text.substring(slash + 1);
        int at = bare.indexOf('@');
        String local = at < 0 ? "" : bare.substring(0, at);
        String domain = at < 0 ? bare : bare.substring(at + 1);
        if ((at >= 0 && local.isEmpty()) || (slash >= 0 && resource.isEmpty())) {
            return Optional.empty();
        }
        Optional<String> l = local.isEmpty() ? Optional.of("") : normaliseLocal(local);
        Optional<String> d = normaliseDomain(domain);
        Optional<String> r = resource.isEmpty() ? Optional.of("") : normaliseResource(resource);
        if (l.isEmpty() || d.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Jid(l.get(), d.get(), r.get()));
    }

    /** Parses a JID known to be valid (configuration, tests). @throws IllegalArgumentException when malformed */
    public static Jid of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("malformed JID: " + text));
    }

    /** The JID of a domain alone, e.g. a server. */
    public static Jid domain(String domain) {
        return new Jid("", domain, "");
    }

    /** This address without its resource. */
    public Jid bare() {
        return resource.isEmpty() ? this : new Jid(local, domain, "");
    }

    /** Whether this is a domain alone (no localpart, no resource). */
    public boolean isDomain() {
        return local.isEmpty() && resource.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!local.isEmpty()) {
            text.append(local).append('@');
        }
        text.append(domain);
        if (!resource.isEmpty()) {
            text.append('/').append(resource);
        }
        return text.toString();
    }

    static Optional<String> normaliseLocal(String local) {
        String value = Normalizer.normalize(local, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (!withinLength(value)) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (LOCAL_FORBIDDEN.indexOf(cp) >= 0 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || forbiddenAnywhere(cp)) {
                return Optional.empty();
            }
            i += Character.charCount(cp);
        }
        return Optional.of(value);
    }

    /** The normalised domainpart (RFC 7622 §3.2), or empty when it is not one. */
    public static Optional<String> normaliseDomain(String domain) {
        String value = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (value.isEmpty() || !withinLength(value)) {
            return Optional.empty();
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            return value.substring(1, value.length() - 1).matches("[0-9a-fA-F:.]+")
                    ? Optional.of(value.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        try {
            String ascii = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            if (ascii.isEmpty() || ascii.length() > 253) {
                return Optional.empty();
            }
            return Optional.of(IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<String> normaliseResource(String resource) {
        String value = Normalizer.normalize(resource, Normalizer.Form.NFC);
        if (!withinLength(value)) {
            return Optional.empty();
        }
        return value.codePoints().anyMatch(Jid::forbiddenAnywhere) ? Optional.empty() : Optional.of(value);
    }

    private static boolean forbiddenAnywhere(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || cp == 0xFFFD;
    }

    private static boolean withinLength(String part) {
        return part.getBytes(StandardCharsets.UTF_8).length <= MAX_PART_BYTES;
    }
}
