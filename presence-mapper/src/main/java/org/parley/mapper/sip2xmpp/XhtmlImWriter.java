package org.parley.mapper.sip2xmpp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.mapper.im.XmlChars;

/**
 * Turns HTML tokens into XHTML-IM (XEP-0071 §7, recommended profile) and a plain-text equivalent for the
 * {@code <body/>} that XEP-0071 §8 requires alongside it. Elements kept: {@code a blockquote br cite em img li ol
 * p span strong ul}; {@code b}/{@code i} become {@code strong}/{@code em}, {@code u} an underlined {@code span}.
 * Other elements are dropped and their text kept (block-level ones end a line). Attributes kept: {@code style}
 * (only the ten recommended properties, values without functions other than {@code rgb()}), {@code a href}
 * (http, https, mailto, xmpp, sip, sips, tel, im), {@code img src} (http, https), {@code alt}, and digit-only
 * {@code width}/{@code height}. Output is always well-formed: unmatched end tags are ignored and open elements
 * closed at the end.
 */
final class XhtmlImWriter {

    /** The two renderings of one HTML body. */
    record HtmlContent(String xhtmlBody, String plainText) {
    }

    static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

    private static final Set<String> KEPT = Set.of("a", "blockquote", "cite", "em", "li", "ol", "p", "span",
            "strong", "ul");
    private static final Map<String, String> ALIASES = Map.of("b", "strong", "i", "em", "u", "span");
    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3",
            "h4", "h5", "h6", "pre", "tr", "table", "address", "hr", "dl", "dt", "dd", "center");
    private static final Set<String> STYLE_PROPERTIES = Set.of("background-color", "color", "font-family",
            "font-size", "font-style", "font-weight", "margin-left", "margin-right", "text-align", "text-decoration");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "xmpp", "sip", "sips", "tel",
            "im");
    private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    private final StringBuilder xhtml = new StringBuilder();
    private final StringBuilder plain = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private final Deque<String> pendingHrefs = new ArrayDeque<>();
    private int preformatted;

    private XhtmlImWriter() {
    }

    /** The XHTML-IM body element and plain text for {@code html}. */
    static HtmlContent convert(String html) {
        XhtmlImWriter writer = new XhtmlImWriter();
        writer.xhtml.append("<body xmlns=\"").append(XHTML_NAMESPACE).append("\">");
        for (HtmlTokenizer.Token token : HtmlTokenizer.tokenize(html)) {
            if (token instanceof HtmlTokenizer.Text text) {
                writer.text(text.text());
            } else if (token instanceof HtmlTokenizer.StartTag start) {
                writer.start(start);
            } else if (token instanceof HtmlTokenizer.EndTag end) {
                writer.end(end.name());
            }
        }
        while (!writer.open.isEmpty()) {
            writer.close();
        }
        writer.xhtml.append("</body>");
        return new HtmlContent(writer.xhtml.toString(), PlainText.tidy(writer.plain.toString()));
    }

    private void text(String text) {
        xhtml.append(XmlChars.escape(text));
        plain.append(preformatted > 0 ? text : text.replaceAll("\\s+", " "));
    }

    private void start(HtmlTokenizer.StartTag tag) {
        String name = tag.name();
        if (name.equals("pre") && !tag.selfClosing()) {
            preformatted++;
        }
        if (name.equals("br")) {
            xhtml.append("<br/>");
            plain.append('\n');
            return;
        }
        if (name.equals("img")) {
            image(tag.attributes());
            return;
        }
        if (name.equals("li")) {
            PlainText.newLine(plain);
            plain.append("- ");
        } else if (BLOCKS.contains(name)) {
            PlainText.newLine(plain);
        }
        String element = ALIASES.getOrDefault(name, name);
        if (!KEPT.contains(element) || tag.selfClosing()) {
            return;
        }
        StringBuilder attributes = new StringBuilder();
        Optional<String> style = Styles.filter(tag.attributes().get("style"), STYLE_PROPERTIES);
        if (name.equals("u")) {
            style = Optional.of(style.map(s -> s + "; ").orElse("") + "text-decoration: underline");
        }
        if (element.equals("a")) {
            Optional<String> href = safeUri(tag.attributes().get("href"), LINK_SCHEMES);
            if (href.isEmpty()) {
                return;
            }
            attribute(attributes, "href", href.get());
            pendingHrefs.push(href.get());
        }
        style.ifPresent(s -> attribute(attributes, "style", s));
        xhtml.append('<').append(element).append(attributes).append('>');
        open.push(element);
    }

    private void end(String name) {
        if (name.equals("pre") && preformatted > 0) {
            preformatted--;
        }
        if (BLOCKS.contains(name)) {
            PlainText.newLine(plain);
        }
        String element = ALIASES.getOrDefault(name, name);
        if (!open.contains(element)) {
            return;
        }
        while (!open.peek().equals(element)) {
            close();
        }
        close();
    }

    private void close() {
        String element = open.pop();
        xhtml.append("</").append(element).append('>');
        if (element.equals("a")) {
            String href = pendingHrefs.pop();
            if (!plain.toString().endsWith(href)) {
                plain.append(" <").append(href).append('>');
            }
        }
    }

    private void image(Map<String, String> attributes) {
        String alt = attributes.getOrDefault("alt", "");
        Optional<String> src = safeUri(attributes.get("src"), IMAGE_SCHEMES);
        if (src.isPresent()) {
            StringBuilder out = new StringBuilder();
            attribute(out, "src", src.get());
            attribute(out, "alt", alt);
            for (String size : List.of("width", "height")) {
                String value = attributes.get(size);
                if (value != null && value.matches("[0-9]{1,5}")) {
                    attribute(out, size, value);
                }
            }
            xhtml.append("<img").append(out).append("/>");
        } else if (!alt.isEmpty()) {
            xhtml.append(XmlChars.escape(alt));
        }
        plain.append(alt.isEmpty() ? src.map(s -> "<" + s + ">").orElse("") : alt);
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(XmlChars.escape(value)).append('"');
    }

    /** {@code uri} without surrounding white space if its scheme is in {@code schemes}. */
    static Optional<String> safeUri(String uri, Set<String> schemes) {
        if (uri == null) {
            return Optional.empty();
        }
        String trimmed = uri.strip();
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            return Optional.empty();
        }
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        return schemes.contains(scheme) ? Optional.of(trimmed) : Optional.empty();
    }
}
