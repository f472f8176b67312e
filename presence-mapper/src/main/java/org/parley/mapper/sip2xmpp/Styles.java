package org.parley.mapper.sip2xmpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Filters a CSS {@code style} attribute to the XHTML-IM recommended properties (XEP-0071 §7.6.1). A declaration
 * survives if its property is allowed and its value consists of words, numbers, units, colours, quoted font names
 * and commas, or is an {@code rgb()}/{@code rgba()} colour: no {@code url()}, {@code expression()}, escapes or
 * comments.
 */
final class Styles {

    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9 #%.,'\"\\-]+");
    private static final Pattern RGB_VALUE = Pattern.compile("rgba?\\([0-9., %]+\\)");

    private Styles() {
    }

    /** The allowed declarations of {@code style}, joined with {@code "; "}; empty if none survive. */
    static Optional<String> filter(String style, Set<String> allowedProperties) {
        if (style == null) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            if (allowedProperties.contains(property) && !value.isEmpty()
                    && (PLAIN_VALUE.matcher(value).matches() || RGB_VALUE.matcher(value).matches())) {
                kept.add(property + ": " + value);
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", kept));
    }
}
