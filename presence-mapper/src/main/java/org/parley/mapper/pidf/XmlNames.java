package org.parley.mapper.pidf;

/**
 * Character rules of XML 1.0 (Fifth Edition) that the PIDF model needs: which strings can be an {@code xs:ID}
 * ({@code NCName}, Namespaces in XML 1.0 §3 over XML 1.0 §2.3 {@code NameStartChar}/{@code NameChar}) and which
 * can appear as character data at all (XML 1.0 §2.2 {@code Char}).
 */
public final class XmlNames {

    private XmlNames() {
    }

    /** Whether {@code value} is a non-empty NCName, i.e. valid as an {@code xs:ID} such as a PIDF tuple id. */
    public static boolean isNcName(String value) {
        if (value.isEmpty()) {
            return false;
        }
        int first = value.codePointAt(0);
        if (first == ':' || !isNameStartChar(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == ':' || !isNameChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Whether {@code c} may start an XML name (XML 1.0 §2.3 production [4]). */
    public static boolean isNameStartChar(int c) {
        return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || in(c, 0xC0, 0xD6) || in(c, 0xD8, 0xF6) || in(c, 0xF8, 0x2FF) || in(c, 0x370, 0x37D)
                || in(c, 0x37F, 0x1FFF) || in(c, 0x200C, 0x200D) || in(c, 0x2070, 0x218F)
                || in(c, 0x2C00, 0x2FEF) || in(c, 0x3001, 0xD7FF) || in(c, 0xF900, 0xFDCF)
                || in(c, 0xFDF0, 0xFFFD) || in(c, 0x10000, 0xEFFFF);
    }

    /** Whether {@code c} may continue an XML name (XML 1.0 §2.3 production [4a]). */
    public static boolean isNameChar(int c) {
        return isNameStartChar(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
                || in(c, 0x300, 0x36F) || in(c, 0x203F, 0x2040);
    }

    /** Whether every character of {@code text} is an XML 1.0 {@code Char} (no NUL, no C0 controls but tab/CR/LF). */
    public static boolean isXmlText(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || in(c, 0x20, 0xD7FF) || in(c, 0xE000, 0xFFFD)
                    || in(c, 0x10000, 0x10FFFF);
            if (!ok) { // a lone surrogate reads as U+D800..U+DFFF, outside every range
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static boolean in(int c, int low, int high) {
        return c >= low && c <= high;
    }
}
