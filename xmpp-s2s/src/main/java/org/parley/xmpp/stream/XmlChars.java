package org.parley.xmpp.stream;

/**
 * Character and name rules of XML 1.0 (production {@code Char}, §2.2) and Namespaces in XML 1.0
 * ({@code NCName}, §3), used to keep every {@link XmlElement} serialisable.
 */
final class XmlChars {

    private XmlChars() {
    }

    /** Whether {@code codePoint} is an XML 1.0 {@code Char}. */
    static boolean isXmlChar(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** Whether every character of {@code s} is an XML 1.0 {@code Char} (so no lone surrogates). */
    static boolean isXmlText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || !isXmlChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a namespace-aware XML name without a prefix ({@code NCName}). */
    static boolean isNcName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || (c >= 0x80 && c != ':' && !Character.isWhitespace(c))
                    || (i > 0 && (Character.isDigit(c) || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code s} or throws {@link IllegalArgumentException} naming {@code what} if it holds a non-XML character. */
    static String requireXmlText(String s, String what) {
        if (!isXmlText(s)) {
            throw new IllegalArgumentException(what + " contains a character not allowed in XML 1.0");
        }
        return s;
    }

    /** Returns {@code s} or throws {@link IllegalArgumentException} naming {@code what} if it is not an NCName. */
    static String requireNcName(String s, String what) {
        if (!isNcName(s)) {
            throw new IllegalArgumentException(what + " is not a valid XML name: '" + s + "'");
        }
        return s;
    }
}
