package org.parley.gateway.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration file as text, used to point at the exact start of a tag and of each attribute. SAX only
 * reports where a start tag ends; problems are easier to find when they point at {@code <listen} or
 * {@code port="70000"} themselves.
 */
final class SourceText {

    /** Where a start tag begins and where each of its attribute names begins. */
    record StartTag(Position start, Map<String, Position> attributes) { }

    private final String text;
    private final int[] lineStarts;

    private SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Decodes the file with the encoding the XML parser detected (UTF-8 if unknown), without a byte order mark. */
    static SourceText decode(byte[] bytes, String encoding) {
        String decoded = new String(bytes, charset(encoding));
        return new SourceText(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded);
    }

    /**
     * The start tag whose closing {@code >} is just before {@code line:column} (where SAX's locator stands after a
     * start tag). Falls back to that position, without attributes, if the text does not look like a tag there.
     */
    StartTag startTagEndingAt(int line, int column) {
        int end = offset(line, column) - 1;
        int start = end < 0 || end >= text.length() ? -1 : text.lastIndexOf('<', end);
        if (start < 0) {
            return new StartTag(new Position(line, column), Map.of());
        }
        return new StartTag(position(start), attributesOf(start + 1, end));
    }

    private Map<String, Position> attributesOf(int from, int end) {
        Map<String, Position> attributes = new LinkedHashMap<>();
        int i = skipName(from, end);
        while (true) {
            i = skipSpace(i, end);
            int nameStart = i;
            i = skipName(i, end);
            if (i == nameStart) {
                return attributes;
            }
            String name = text.substring(nameStart, i);
            i = skipSpace(i, end);
            if (i >= end || text.charAt(i) != '=') {
                return attributes;
            }
            i = skipSpace(i + 1, end);
            if (i >= end) {
                return attributes;
            }
            int closingQuote = text.indexOf(text.charAt(i), i + 1);
            if (closingQuote < 0 || closingQuote > end) {
                return attributes;
            }
            attributes.put(name, position(nameStart));
            i = closingQuote + 1;
        }
    }

    private int skipName(int i, int end) {
        while (i < end && !Character.isWhitespace(text.charAt(i)) && "=/>\"'".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private int skipSpace(int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length) {
            return -1;
        }
        return lineStarts[line - 1] + column - 1;
    }

    private Position position(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }

    private static Charset charset(String encoding) {
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
