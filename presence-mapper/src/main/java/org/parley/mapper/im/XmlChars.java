package org.parley.mapper.im;

/**
 * Character rules of XML 1.0 §2.2 ({@code Char}) that every text crossing into XMPP must obey, and escaping for
 * character data and attribute values. Text from SIP that breaks the rules is refused rather than altered.
 */
public final class XmlChars {

    private XmlChars() {
    }

    /** Whether every code point of {@code text} is an XML 1.0 {@code Char} and no surrogate is unpaired. */
    public static boolean isValid(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || !isValidBmpChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidBmpChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** {@code text} escaped for use as character data or a quoted attribute value ({@code & < > " '}). */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
