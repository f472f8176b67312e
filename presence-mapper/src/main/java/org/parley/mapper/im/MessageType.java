package org.parley.mapper.im;

import java.util.Optional;

/**
 * The {@code type} attribute of an XMPP {@code <message/>} stanza (RFC 6121 §5.2.2). RFC 7572 §4 Table 1 note 2:
 * SIP has no header with this meaning, so it is not carried into a MESSAGE; RFC 7572 §5 gives {@link #NORMAL} to
 * messages coming from SIP.
 */
public enum MessageType {
    /** A single message, outside a one-to-one conversation (the default when the attribute is absent). */
    NORMAL("normal"),
    /** A message in a one-to-one chat session. */
    CHAT("chat"),
    /** A message in a multi-user chat room (XEP-0045). */
    GROUPCHAT("groupchat"),
    /** An alert or notification to which no reply is expected. */
    HEADLINE("headline"),
    /** An error about a message previously sent (RFC 6120 §8.3). */
    ERROR("error");

    private final String xmlValue;

    MessageType(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The attribute value, e.g. {@code "chat"}. */
    public String xmlValue() {
        return xmlValue;
    }

    /** The type whose attribute value is {@code value}, or empty for an unknown value. */
    public static Optional<MessageType> fromXmlValue(String value) {
        for (MessageType type : values()) {
            if (type.xmlValue.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
