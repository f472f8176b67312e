package org.parley.mapper.address;

/**
 * JID escaping of XEP-0106: the characters an XMPP localpart disallows ({@code space " & ' / : < > @}) are written
 * {@code \hh} (lower-case hex), and a backslash is written {@code \5c} only where it would otherwise begin one of
 * the ten escape sequences ({@code \20 \22 \26 \27 \2f \3a \3c \3e \40 \5c}). Everything else, including partial
 * or unknown sequences such as {@code \2plus} or {@code \41}, is left alone in both directions (§4 Business
 * Rules, "Exceptions").
 *
 * <p>{@code unescape(escape(s)).equals(s)} for every string. The converse holds for localparts in canonical form
 * (see {@link #isCanonical(String)}). Applies to localparts only, never to domain or resource parts.
 */
public final class JidEscaping {

    private static final String ESCAPABLE = " \"&'/:<>@\\";

    private JidEscaping() {
    }

    /** Escapes an unescaped localpart (e.g. {@code d'artagnan} → {@code d\27artagnan}). */
    public static String escape(String unescaped) {
        StringBuilder out = new StringBuilder(unescaped.length() + 8);
        for (int i = 0; i < unescaped.length(); i++) {
            char c = unescaped.charAt(i);
            if (c == '\\' && !startsEscapeSequence(unescaped, i)) {
                out.append(c);
            } else if (ESCAPABLE.indexOf(c) >= 0) {
                out.append('\\').append(hex(c));
            } else {
                out.append(c);
            }
        }
        return out.length() == unescaped.length() ? unescaped : out.toString(); // nothing escaped: the same string
    }

    /** Unescapes the ten sequences, left to right, each once (e.g. {@code c\3a\5c5commas} → {@code c:\5commas}). */
    public static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            if (startsEscapeSequence(escaped, i)) {
                out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                out.append(escaped.charAt(i));
                i++;
            }
        }
        return out.length() == escaped.length() ? escaped : out.toString(); // no sequence: the same string
    }

    /**
     * Whether {@code escaped} is what {@link #escape} produces for its own unescaped form and obeys the XEP-0106
     * rule that {@code \20} neither starts nor ends a localpart. Only canonical localparts map one-to-one onto
     * unescaped names; e.g. {@code a\5cb} is not canonical ({@code a\b} is), {@code \20x} is not either.
     */
    public static boolean isCanonical(String escaped) {
        String unescaped = unescape(escaped);
        return !unescaped.startsWith(" ") && !unescaped.endsWith(" ") && escape(unescaped).equals(escaped);
    }

    private static boolean startsEscapeSequence(String s, int i) {
        if (s.charAt(i) != '\\' || i + 3 > s.length()) {
            return false;
        }
        String code = s.substring(i + 1, i + 3);
        for (int k = 0; k < ESCAPABLE.length(); k++) {
            if (hex(ESCAPABLE.charAt(k)).equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static String hex(char c) {
        return Integer.toHexString(c);
    }
}
