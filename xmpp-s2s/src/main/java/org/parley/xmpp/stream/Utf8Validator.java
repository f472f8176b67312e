package org.parley.xmpp.stream;

/**
 * Incremental check that a byte stream is well-formed UTF-8 (RFC 3629 §4, Unicode Table 3-7) and encodes
 * only XML 1.0 characters (XML 1.0 §2.2), across arbitrary chunk boundaries. Rejects overlong forms,
 * UTF-16 surrogates (CESU-8 style {@code ED A0 80}), code points above U+10FFFF, stray continuation
 * bytes, U+0000 and the other characters XML forbids, as RFC 6120 §11.6 requires of XMPP streams.
 */
final class Utf8Validator {

    private int pending;
    private int codePoint;
    private int lower = 0x80;
    private int upper = 0xBF;

    /**
     * Checks {@code length} bytes of {@code bytes} from {@code offset}, continuing any sequence left open
     * by the previous call.
     *
     * @return the index of the first byte that makes the input invalid, or {@code -1}
     */
    int scan(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xFF;
            boolean valid = pending == 0 ? lead(b) : continuation(b);
            if (!valid) {
                return i;
            }
        }
        return -1;
    }

    private boolean lead(int b) {
        if (b < 0x80) {
            return XmlChars.isXmlChar(b);
        }
        lower = 0x80;
        upper = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            return begin(1, b & 0x1F);
        }
        if (b >= 0xE0 && b <= 0xEF) {
            lower = b == 0xE0 ? 0xA0 : 0x80;
            upper = b == 0xED ? 0x9F : 0xBF;
            return begin(2, b & 0x0F);
        }
        if (b >= 0xF0 && b <= 0xF4) {
            lower = b == 0xF0 ? 0x90 : 0x80;
            upper = b == 0xF4 ? 0x8F : 0xBF;
            return begin(3, b & 0x07);
        }
        return false;
    }

    private boolean begin(int continuationBytes, int bits) {
        pending = continuationBytes;
        codePoint = bits;
        return true;
    }

    private boolean continuation(int b) {
        if (b < lower || b > upper) {
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (b & 0x3F);
        pending--;
        return pending > 0 || XmlChars.isXmlChar(codePoint);
    }
}
