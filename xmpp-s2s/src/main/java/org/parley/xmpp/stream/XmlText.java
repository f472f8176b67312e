package org.parley.xmpp.stream;

import java.util.Objects;

/**
 * Character data inside an {@link XmlElement}, already unescaped. Only characters allowed by XML 1.0
 * may occur (RFC 6120 §11.1), so every instance can be serialised.
 *
 * @param text the characters; never {@code null}
 */
public record XmlText(String text) implements XmlNode {

    /** Checks that {@code text} contains only XML 1.0 characters. */
    public XmlText {
        Objects.requireNonNull(text, "text");
        XmlChars.requireXmlText(text, "text");
    }
}
