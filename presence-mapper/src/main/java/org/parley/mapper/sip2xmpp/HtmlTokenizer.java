package org.parley.mapper.sip2xmpp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A forgiving tokenizer for the {@code text/html} bodies SIP user agents send: text (entities decoded), start tags
 * with attributes (entities decoded in values) and end tags. Comments, processing instructions and declarations
 * are dropped; CDATA sections become text. Elements whose content is never shown as text ({@code script},
 * {@code style}, {@code head}, {@code title}, embedded objects, …) are dropped with everything inside them. It
 * never fails: malformed markup degrades to text. Not a full HTML5 parser; it needs none of the tree-building
 * rules because {@link XhtmlImWriter} only keeps a small, flat set of elements.
 */
final class HtmlTokenizer {

    /** One token of input. */
    sealed interface Token permits Text, StartTag, EndTag {
    }

    /** Character data, entities decoded. */
    record Text(String text) implements Token {
    }

    /** {@code <name attr=value…>} or {@code <name …/>}; name and attribute names in lower case. */
    record StartTag(String name, Map<String, String> attributes, boolean selfClosing) implements Token {
    }

    /** {@code </name>}; name in lower case. */
    record EndTag(String name) implements Token {
    }

    /** Elements dropped together with their content. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of("script", "style", "head", "title", "template",
            "object", "embed", "applet", "iframe", "frameset", "noscript", "noembed", "svg", "math", "select",
            "textarea", "xml");

    private final String html;
    private int at;
    private final List<Token> tokens = new ArrayList<>();

    private HtmlTokenizer(String html) {
        this.html = html;
    }

    /** The tokens of {@code html}. */
    static List<Token> tokenize(String html) {
        HtmlTokenizer tokenizer = new HtmlTokenizer(html);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        StringBuilder text = new StringBuilder();
        while (at < html.length()) {
            if (html.charAt(at) != '<') {
                int lt = html.indexOf('<', at);
                int end = lt < 0 ? html.length() : lt;
                text.append(HtmlEntities.decode(html.substring(at, end)));
                at = end;
                continue;
            }
            int start = at;
            Token token = markup(text);
            if (at == start) {
                text.append('<');
                at++;
            } else if (token != null) {
                flush(text);
                tokens.add(token);
            }
        }
        flush(text);
    }

    private void flush(StringBuilder text) {
        if (!text.isEmpty()) {
            tokens.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /**
     * Consumes the markup at {@code <} and returns its tag token, or null when it yields none (a comment, a
     * declaration, a CDATA section whose text goes to {@code text}, a dropped element). Consumes nothing when the
     * {@code <} does not start markup.
     */
    private Token markup(StringBuilder text) {
        if (html.startsWith("<!--", at)) {
            at = skipPast("-->", at + 4);
            return null;
        }
        if (html.startsWith("<![CDATA[", at)) {
            int close = html.indexOf("]]>", at + 9);
            text.append(html, at + 9, close < 0 ? html.length() : close);
            at = close < 0 ? html.length() : close + 3;
            return null;
        }
        if (html.startsWith("<!", at) || html.startsWith("<?", at)) {
            at = skipPast(">", at + 2);
            return null;
        }
        boolean end = html.startsWith("</", at);
        int nameStart = at + (end ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd), nameEnd == nameStart)) {
            nameEnd++;
        }
        if (nameEnd == nameStart) {
            return null;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        at = nameEnd;
        if (end) {
            at = skipPast(">", at);
            return DROPPED_WITH_CONTENT.contains(name) ? null : new EndTag(name);
        }
        return startTag(name);
    }

    private Token startTag(String name) {
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean selfClosing = false;
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c == '>') {
                at++;
                break;
            }
            if (c == '/' && html.startsWith("/>", at)) {
                selfClosing = true;
                at += 2;
                break;
            }
            if (Character.isWhitespace(c) || c == '/') {
                at++;
                continue;
            }
            attribute(attributes);
        }
        if (DROPPED_WITH_CONTENT.contains(name)) {
            if (!selfClosing) {
                skipElementContent(name);
            }
            return null;
        }
        return new StartTag(name, attributes, selfClosing);
    }

    private void attribute(Map<String, String> attributes) {
        int start = at;
        while (at < html.length() && !Character.isWhitespace(html.charAt(at)) && "=>/".indexOf(html.charAt(at)) < 0) {
            at++;
        }
        if (at == start) {
            at++;
            return;
        }
        String name = html.substring(start, at).toLowerCase(Locale.ROOT);
        skipSpace();
        String value = "";
        if (at < html.length() && html.charAt(at) == '=') {
            at++;
            skipSpace();
            value = HtmlEntities.decode(attributeValue());
        }
        attributes.putIfAbsent(name, value);
    }

    private String attributeValue() {
        if (at < html.length() && (html.charAt(at) == '"' || html.charAt(at) == '\'')) {
            char quote = html.charAt(at);
            int close = html.indexOf(quote, at + 1);
            String value = html.substring(at + 1, close < 0 ? html.length() : close);
            at = close < 0 ? html.length() : close + 1;
            return value;
        }
        int start = at;
        while (at < html.length() && !Character.isWhitespace(html.charAt(at)) && html.charAt(at) != '>') {
            at++;
        }
        return html.substring(start, at);
    }

    /** Skips to just past {@code </name ...>} (case-insensitive), or to the end of input. */
    private void skipElementContent(String name) {
        String lower = html.toLowerCase(Locale.ROOT);
        int close = lower.indexOf("</" + name, at);
        at = close < 0 ? html.length() : skipPast(">", close);
    }

    private int skipPast(String marker, int from) {
        int found = html.indexOf(marker, from);
        return found < 0 ? html.length() : found + marker.length();
    }

    private void skipSpace() {
        while (at < html.length() && Character.isWhitespace(html.charAt(at))) {
            at++;
        }
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9') || c == '-' || c == ':';
    }
}
