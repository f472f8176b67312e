package org.parley.mapper.im;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A MIME media type with parameters as carried by SIP {@code Content-Type} (RFC 3261 §20.15, RFC 2045 §5.1) and
 * by CPIM content headers (RFC 3862 §3.2). Type, subtype and parameter names are held in lower case; parameter
 * values as written (unquoted).
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

    /** {@code text/plain;charset=UTF-8}, what the gateway sends for XMPP bodies (RFC 7572 §4, §8). */
    public static final ContentType TEXT_PLAIN_UTF8 = new ContentType("text", "plain", Map.of("charset", "UTF-8"));
    /** {@code application/im-iscomposing+xml} (RFC 3994 §6). */
    public static final ContentType IS_COMPOSING = new ContentType("application", "im-iscomposing+xml", Map.of());

    private static final String TOKEN_SPECIALS = "-.!%*_+`'~";

    /** Requires token-shaped type, subtype and parameter names; lower-cases them. */
    public ContentType {
        type = lowerToken(type, "type");
        subtype = lowerToken(subtype, "subtype");
        Map<String, String> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Objects.requireNonNull(value, "parameter value");
            if (copy.put(lowerToken(name, "parameter name"), value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given twice");
            }
        });
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a header value, e.g. {@code text/plain; charset="iso-8859-1"}. Empty when malformed (not
     * {@code type/subtype}, a parameter without {@code =}, an unterminated quoted string, a repeated parameter).
     */
    public static Optional<ContentType> parse(String value) {
        Cursor cursor = new Cursor(value);
        String type = cursor.token();
        if (type.isEmpty() || !cursor.skip('/')) {
            return Optional.empty();
        }
        String subtype = cursor.token();
        Map<String, String> parameters = new LinkedHashMap<>();
        while (cursor.skip(';')) {
            String name = cursor.token().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !cursor.skip('=')) {
                return Optional.empty();
            }
            Optional<String> parameterValue = cursor.quotedStringOrToken();
            if (parameterValue.isEmpty() || parameters.put(name, parameterValue.get()) != null) {
                return Optional.empty();
            }
        }
        if (subtype.isEmpty() || !cursor.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new ContentType(type, subtype, parameters));
    }

    /** {@code type/subtype}, lower case. */
    public String mediaType() {
        return type + "/" + subtype;
    }

    /** Whether this is {@code type/subtype} (compared case-insensitively), whatever the parameters. */
    public boolean is(String type, String subtype) {
        return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
    }

    /** The {@code charset} parameter, if given. */
    public Optional<String> charset() {
        return Optional.ofNullable(parameters.get("charset"));
    }

    /** The header value: {@code type/subtype;name=value…}, values quoted where they are not tokens. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(mediaType());
        parameters.forEach((name, value) -> out.append(';').append(name).append('=').append(quoteIfNeeded(value)));
        return out.toString();
    }

    private static String quoteIfNeeded(String value) {
        if (!value.isEmpty() && value.chars().allMatch(ContentType::isTokenChar)) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static boolean isTokenChar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_SPECIALS.indexOf(c) >= 0);
    }

    private static String lowerToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || !value.chars().allMatch(ContentType::isTokenChar)) {
            throw new IllegalArgumentException("content " + what + " is not a token: " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** Reads tokens and quoted strings, skipping linear white space around them. */
    private static final class Cursor {
        private final String text;
        private int at;

        Cursor(String text) {
            this.text = text;
        }

        String token() {
            skipSpace();
            int start = at;
            while (at < text.length() && isTokenChar(text.charAt(at))) {
                at++;
            }
            String token = text.substring(start, at);
            skipSpace();
            return token;
        }

        boolean skip(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        Optional<String> quotedStringOrToken() {
            skipSpace();
            if (at >= text.length() || text.charAt(at) != '"') {
                String token = token();
                return token.isEmpty() ? Optional.empty() : Optional.of(token);
            }
            StringBuilder value = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '"') {
                    at++;
                    skipSpace();
                    return Optional.of(value.toString());
                }
                if (c == '\\' && at + 1 < text.length()) {
                    c = text.charAt(++at);
                }
                value.append(c);
            }
            return Optional.empty();
        }

        boolean atEnd() {
            skipSpace();
            return at == text.length();
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }
    }
}
