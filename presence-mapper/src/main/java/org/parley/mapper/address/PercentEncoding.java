package org.parley.mapper.address;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Percent-encoding of URI components (RFC 3986 §2.1, RFC 3261 §25.1 {@code escaped}) over UTF-8, with the sets
 * of characters a SIP URI lets stand unencoded in the {@code user} part and in parameter values.
 */
final class PercentEncoding {

    private static final String MARK = "-_.!~*'()";
    private static final String USER_UNRESERVED = "&=+$,;?/";
    private static final String PARAM_UNRESERVED = "[]/:&+$";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 3261 {@code user = 1*( unreserved / escaped / user-unreserved )}: what may stand unencoded. */
    static final IntPredicate SIP_USER = c -> isUnreserved(c) || USER_UNRESERVED.indexOf(c) >= 0;

    /** RFC 3261 {@code paramchar = param-unreserved / unreserved / escaped}: what may stand unencoded. */
    static final IntPredicate SIP_PARAM = c -> isUnreserved(c) || PARAM_UNRESERVED.indexOf(c) >= 0;

    private PercentEncoding() {
    }

    /** RFC 3261 {@code unreserved = alphanum / mark} (ASCII only). */
    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || MARK.indexOf(c) >= 0;
    }

    /**
     * Encodes every UTF-8 octet of {@code text} that is not an ASCII character accepted by {@code allowed} as
     * {@code %HH} with upper-case hex digits (RFC 3986 §2.1). {@code text} must be well-formed UTF-16.
     */
    static String encode(String text, IntPredicate allowed) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xFF;
            if (octet < 0x80 && allowed.test(octet)) {
                out.append((char) octet);
            } else {
                out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xF]);
            }
        }
        return out.toString();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Decodes {@code %HH} sequences (either hex case) and reads the octets as UTF-8; empty if a {@code %} is not
     * followed by two hex digits, the octets are not well-formed UTF-8, or an unencoded character is outside
     * {@code allowed} (the component's grammar).
     */
    static Optional<String> decode(String encoded, IntPredicate allowed) {
        ByteBuffer octets = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int high = hexValue(encoded.charAt(i + 1));
                int low = hexValue(encoded.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                octets.put((byte) (high << 4 | low));
                i += 2;
            } else if (c < 0x80 && allowed.test(c)) {
                octets.put((byte) c);
            } else {
                return Optional.empty();
            }
        }
        octets.flip();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(octets)
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
