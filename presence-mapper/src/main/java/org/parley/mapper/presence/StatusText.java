package org.parley.mapper.presence;

import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.pidf.XmlNames;

/** One {@code <status/>} of a presence (RFC 6121 §4.7.2.2): text with an optional {@code xml:lang}. */
public record StatusText(String text, Optional<String> lang) {

    /** Requires text made of XML characters and, when given, a non-blank language tag. */
    public StatusText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lang, "lang");
        if (!XmlNames.isXmlText(text)) {
            throw new IllegalArgumentException("status text contains characters XML cannot carry");
        }
        if (lang.isPresent() && lang.get().isBlank()) {
            throw new IllegalArgumentException("xml:lang must not be blank");
        }
    }

    /** A status without {@code xml:lang}. */
    public static StatusText of(String text) {
        return new StatusText(text, Optional.empty());
    }

    /** A status in language {@code lang}. */
    public static StatusText of(String text, String lang) {
        return new StatusText(text, Optional.of(lang));
    }
}
