package org.parley.mapper.sip2xmpp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.LanguageTags;

/**
 * Parses {@code message/cpim} (RFC 3862 §2): message headers, an empty line, the encapsulated MIME headers, an
 * empty line, the content. RFC 3862 §2.3 escapes in header values are not undone (only Subject is used, as
 * text). Header lines are UTF-8 ending in CRLF (a bare LF is accepted); MIME header
 * continuation lines are unfolded; header names compare case-insensitively. Refusals: malformed structure or
 * headers → 400 / bad-request; a {@code Require} naming a header the gateway does not handle → 420 /
 * feature-not-implemented (RFC 3862 §3.5, §4.7: mandatory-to-recognize features); a
 * {@code Content-Transfer-Encoding} other than 7bit, 8bit or binary → 415 / not-acceptable.
 */
final class CpimParser {

    /** CPIM headers the gateway understands, for {@code Require} (lower case). */
    private static final Set<String> UNDERSTOOD = Set.of("from", "to", "cc", "datetime", "subject", "ns", "require");
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("7bit", "8bit", "binary");
    private static final ContentType MIME_DEFAULT = new ContentType("text", "plain", Map.of("charset", "us-ascii"));

    private final byte[] input;
    private int at;

    private CpimParser(byte[] input) {
        this.input = input;
    }

    /** The unwrapped message, or why it is refused. */
    static MappingResult<CpimMessage> parse(byte[] body) {
        return new CpimParser(body).parse();
    }

    private MappingResult<CpimMessage> parse() {
        Optional<List<String[]>> messageHeaders = headerBlock(false);
        if (messageHeaders.isEmpty()) {
            return bad("malformed CPIM message headers");
        }
        Optional<List<String[]>> contentHeaders = headerBlock(true);
        if (contentHeaders.isEmpty()) {
            return bad("malformed encapsulated MIME headers");
        }
        Optional<String> unknownRequired = unknownRequired(messageHeaders.get());
        if (unknownRequired.isPresent()) {
            return reject(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, 420,
                    "CPIM Require names a header the gateway does not handle: " + unknownRequired.get());
        }
        return content(messageHeaders.get(), contentHeaders.get());
    }

    private MappingResult<CpimMessage> content(List<String[]> message, List<String[]> mime) {
        Optional<String> encoding = first(mime, "content-transfer-encoding").map(e -> e.toLowerCase(Locale.ROOT));
        if (encoding.isPresent() && !IDENTITY_ENCODINGS.contains(encoding.get())) {
            return reject(StanzaErrorCondition.NOT_ACCEPTABLE, 415,
                    "unsupported Content-Transfer-Encoding '" + encoding.get() + "'");
        }
        ContentType type = MIME_DEFAULT;
        Optional<String> typeHeader = first(mime, "content-type");
        if (typeHeader.isPresent()) {
            Optional<ContentType> parsed = ContentType.parse(typeHeader.get());
            if (parsed.isEmpty()) {
                return bad("malformed encapsulated Content-Type '" + typeHeader.get() + "'");
            }
            type = parsed.get();
        }
        List<String> languages = new ArrayList<>();
        for (String tag : first(mime, "content-language").map(v -> v.split(",")).orElse(new String[0])) {
            if (!LanguageTags.isWellFormed(tag.strip())) {
                return bad("malformed encapsulated Content-Language '" + tag.strip() + "'");
            }
            languages.add(tag.strip());
        }
        byte[] content = Arrays.copyOfRange(input, at, input.length);
        return MappingResult.mapped(new CpimMessage(first(message, "from"), first(message, "to"),
                first(message, "datetime"), first(message, "subject").map(CpimParser::withoutLangParameter),
                type, languages, content));
    }

    /** Header lines up to an empty line, as {name, value}; empty if a line is malformed or the block unended. */
    private Optional<List<String[]>> headerBlock(boolean unfold) {
        List<String[]> headers = new ArrayList<>();
        while (true) {
            Optional<String> line = nextLine();
            if (line.isEmpty()) {
                return Optional.empty();
            }
            String text = line.get();
            if (text.isEmpty()) {
                return Optional.of(headers);
            }
            if (unfold && (text.charAt(0) == ' ' || text.charAt(0) == '\t') && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + " " + text.strip();
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || !text.substring(0, colon).chars().allMatch(CpimParser::isNameChar)) {
                return Optional.empty();
            }
            headers.add(new String[] {text.substring(0, colon), text.substring(colon + 1).strip()});
        }
    }

    /** The next line as UTF-8 without its line end; empty at end of input or on invalid UTF-8. */
    private Optional<String> nextLine() {
        int end = at;
        while (end < input.length && input[end] != '\n') {
            end++;
        }
        if (end == input.length) {
            return Optional.empty();
        }
        int lineEnd = end > at && input[end - 1] == '\r' ? end - 1 : end;
        try {
            String line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input, at, lineEnd - at)).toString();
            at = end + 1;
            return Optional.of(line);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> unknownRequired(List<String[]> headers) {
        return headers.stream()
                .filter(h -> h[0].equalsIgnoreCase("require"))
                .flatMap(h -> Arrays.stream(h[1].split(",")))
                .map(String::strip)
                .filter(name -> !name.isEmpty() && !UNDERSTOOD.contains(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static Optional<String> first(List<String[]> headers, String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** {@code ;lang=fr Bonjour} → {@code Bonjour} (RFC 3862 §3.3 language tagging). */
    private static String withoutLangParameter(String value) {
        if (!value.startsWith(";")) {
            return value;
        }
        int space = value.indexOf(' ');
        return space < 0 ? "" : value.substring(space + 1).strip();
    }

    private static boolean isNameChar(int c) {
        return c > 0x20 && c < 0x7F && c != ':';
    }

    private static <T> MappingResult<T> bad(String reason) {
        return reject(StanzaErrorCondition.BAD_REQUEST, 400, reason);
    }

    private static <T> MappingResult<T> reject(StanzaErrorCondition condition, int status, String reason) {
        return MappingResult.rejected(new Rejection(condition, status, reason));
    }
}
