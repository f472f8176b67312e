package org.parley.mapper.address;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The basic RFC 7622 rules for the localpart and resourcepart of a JID: 1 to 1023 octets of well-formed UTF-8; no
 * control characters; in a localpart also no whitespace and none of {@code " & ' / : < > @} (§3.3.1, the
 * characters XEP-0106 escapes). Full PRECIS enforcement (UsernameCaseMapped, OpaqueString) is not done: strings
 * are compared exactly, so case is preserved across the gateway.
 */
final class JidParts {

    /** RFC 7622 §3: each part is at most 1023 octets. */
    static final int MAX_OCTETS = 1023;

    private static final String LOCALPART_FORBIDDEN = "\"&'/:<>@";

    private JidParts() {
    }

    /** What is wrong with {@code localpart}, or empty if it is acceptable. */
    static Optional<String> localpartProblem(String localpart) {
        Optional<String> size = sizeProblem("localpart", localpart);
        if (size.isPresent()) {
            return size;
        }
        for (int i = 0; i < localpart.length(); ) {
            int c = localpart.codePointAt(i);
            if (LOCALPART_FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("localpart contains '" + Character.toString(c) + "'");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return Optional.of("localpart contains space or control character U+" + hex(c));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** What is wrong with {@code resource}, or empty if it is acceptable (spaces are allowed). */
    static Optional<String> resourceProblem(String resource) {
        Optional<String> size = sizeProblem("resourcepart", resource);
        if (size.isPresent()) {
            return size;
        }
        return resource.codePoints().filter(Character::isISOControl).boxed().findFirst()
                .map(c -> "resourcepart contains control character U+" + hex(c));
    }

    private static Optional<String> sizeProblem(String part, String value) {
        if (value.isEmpty()) {
            return Optional.of(part + " is empty");
        }
        if (!isWellFormed(value)) {
            return Optional.of(part + " is not well-formed Unicode");
        }
        int octets = value.getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_OCTETS) {
            return Optional.of(part + " is " + octets + " octets, more than " + MAX_OCTETS);
        }
        return Optional.empty();
    }

    /** Whether {@code s} has no unpaired surrogate (so it encodes to UTF-8 without loss). */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
