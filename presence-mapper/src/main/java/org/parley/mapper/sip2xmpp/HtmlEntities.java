package org.parley.mapper.sip2xmpp;

import java.util.Map;
import org.parley.mapper.im.XmlChars;

/**
 * Decodes HTML character references: decimal and hexadecimal ones, and the named ones IM clients produce. An
 * unknown name is left as written; a reference to a character XML cannot carry becomes U+FFFD.
 */
final class HtmlEntities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("copy", "\u00A9"),
            Map.entry("reg", "\u00AE"), Map.entry("trade", "\u2122"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"), Map.entry("bull", "\u2022"),
            Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"), Map.entry("yen", "\u00A5"),
            Map.entry("cent", "\u00A2"), Map.entry("deg", "\u00B0"), Map.entry("times", "\u00D7"));

    private static final int LONGEST_REFERENCE = 10;

    private HtmlEntities() {
    }

    /** {@code text} with character references replaced. */
    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (amp >= 0) {
            out.append(text, at, amp);
            int semicolon = text.indexOf(';', amp);
            String replacement = null;
            if (semicolon > amp + 1 && semicolon - amp <= LONGEST_REFERENCE) {
                replacement = reference(text.substring(amp + 1, semicolon));
            }
            if (replacement == null) {
                out.append('&');
                at = amp + 1;
            } else {
                out.append(replacement);
                at = semicolon + 1;
            }
            amp = text.indexOf('&', at);
        }
        return out.append(text, at, text.length()).toString();
    }

    private static String reference(String name) {
        if (!name.startsWith("#")) {
            return NAMED.get(name);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
            return null;
        }
        int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
        if (codePoint > Character.MAX_CODE_POINT) {
            return "\uFFFD";
        }
        String character = new String(Character.toChars(codePoint));
        return XmlChars.isValid(character) ? character : "\uFFFD";
    }
}
