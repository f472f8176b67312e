package org.parley.mapper.im;

import java.util.Optional;

/**
 * The five chat states of XEP-0085 §2, each an empty element qualified by {@link #NAMESPACE}. RFC 7573 §6 maps
 * them to and from RFC 3994 isComposing states ({@link ComposingMapping}).
 */
public enum ChatState {
    /** The user is actively participating in the chat session. */
    ACTIVE("active"),
    /** The user is composing a message. */
    COMPOSING("composing"),
    /** The user had been composing but has stopped. */
    PAUSED("paused"),
    /** The user has not been actively participating for a short while. */
    INACTIVE("inactive"),
    /** The user has effectively ended the chat session. */
    GONE("gone");

    /** {@code http://jabber.org/protocol/chatstates}. */
    public static final String NAMESPACE = "http://jabber.org/protocol/chatstates";

    private final String elementName;

    ChatState(String elementName) {
        this.elementName = elementName;
    }

    /** The local name of the state element, e.g. {@code "composing"}. */
    public String elementName() {
        return elementName;
    }

    /** The state whose element is named {@code elementName}, or empty for an unknown name. */
    public static Optional<ChatState> fromElementName(String elementName) {
        for (ChatState state : values()) {
            if (state.elementName.equals(elementName)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
