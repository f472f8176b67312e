package org.parley.xmpp.stanza;

import java.util.Arrays;
import java.util.Optional;

/** The three stanza kinds of RFC 6120 §8.2, by element name. */
public enum StanzaKind {
    MESSAGE("message"),
    PRESENCE("presence"),
    IQ("iq");

    private final String elementName;

    StanzaKind(String elementName) {
        this.elementName = elementName;
    }

    /** {@code message}, {@code presence} or {@code iq}. */
    public String elementName() {
        return elementName;
    }

    /** The kind of an element with this local name. */
    public static Optional<StanzaKind> of(String elementName) {
        return Arrays.stream(values()).filter(k -> k.elementName.equals(elementName)).findFirst();
    }
}
