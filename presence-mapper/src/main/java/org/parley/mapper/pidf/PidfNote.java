package org.parley.mapper.pidf;

import java.util.Objects;
import java.util.Optional;

/**
 * A PIDF {@code <note>} (RFC 3863 §4.1.6, and {@code <dm:note>} of RFC 4479 §6.1.1): human-readable text with an
 * optional {@code xml:lang}.
 */
public record PidfNote(String text, Optional<String> lang) {

    /** Requires text made of XML characters and, when given, a non-blank language tag. */
    public PidfNote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lang, "lang");
        if (!XmlNames.isXmlText(text)) {
            throw new IllegalArgumentException("note text contains characters XML cannot carry");
        }
        if (lang.isPresent() && (lang.get().isBlank() || !XmlNames.isXmlText(lang.get()))) {
            throw new IllegalArgumentException("xml:lang must be a non-blank language tag");
        }
    }

    /** A note without {@code xml:lang}. */
    public static PidfNote of(String text) {
        return new PidfNote(text, Optional.empty());
    }

    /** A note in language {@code lang}. */
    public static PidfNote of(String text, String lang) {
        return new PidfNote(text, Optional.of(lang));
    }
}
