package org.parley.mapper.im;

import java.util.Objects;
import java.util.Optional;

/**
 * The text of one XMPP {@code <body/>} or {@code <subject/>} element with its own {@code xml:lang}, if it has one
 * (RFC 6121 §5.2.3, §5.2.4). Without a language the element inherits the stanza's {@code xml:lang}.
 */
public record LocalizedText(Optional<String> language, String text) {

    /** Requires XML-safe text and a well-formed language tag. */
    public LocalizedText {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        language.ifPresent(LanguageTags::requireWellFormed);
        if (!XmlChars.isValid(text)) {
            throw new IllegalArgumentException("text contains characters XML cannot carry");
        }
    }

    /** Text without its own language (it inherits the stanza's). */
    public static LocalizedText of(String text) {
        return new LocalizedText(Optional.empty(), text);
    }

    /** Text in {@code language}. */
    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Optional.of(language), text);
    }

    /** This element's language, or {@code stanzaLanguage} when it has none of its own. */
    public Optional<String> effectiveLanguage(Optional<String> stanzaLanguage) {
        return language.or(() -> stanzaLanguage);
    }
}
