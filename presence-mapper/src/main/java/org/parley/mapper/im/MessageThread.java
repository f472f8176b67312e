package org.parley.mapper.im;

import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP {@code <thread/>} (RFC 6121 §5.2.5): an opaque identifier of a conversation, compared exactly, with the
 * optional {@code parent} attribute naming the thread it was spawned from. {@link ThreadCallIds} maps it to and
 * from a SIP Call-ID.
 */
public record MessageThread(String id, Optional<String> parent) {

    /** Requires a non-empty, XML-safe identifier (and parent). */
    public MessageThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parent, "parent");
        requireValid(id, "thread id");
        parent.ifPresent(p -> requireValid(p, "thread parent"));
    }

    /** A thread without parent. */
    public static MessageThread of(String id) {
        return new MessageThread(id, Optional.empty());
    }

    /** Whether {@code id} can be a thread identifier: non-empty and XML-safe. */
    public static boolean isValidId(String id) {
        return !id.isEmpty() && XmlChars.isValid(id);
    }

    private static void requireValid(String value, String what) {
        if (!isValidId(value)) {
            throw new IllegalArgumentException(what + " must be non-empty and XML-safe");
        }
    }
}
