package org.parley.mapper.sip2xmpp;

import java.util.Objects;
import org.parley.mapper.im.MessageType;

/**
 * Configuration of {@link MessageTranslator}.
 *
 * @param contentMessageType the XMPP type of messages with content: {@link MessageType#NORMAL}, as RFC 7572 §5
 *                           requires of page-mode messages, or {@link MessageType#CHAT} for deployments whose XMPP
 *                           clients show normal messages poorly. Standalone chat states are always
 *                           {@code chat} (XEP-0085 §5.5).
 * @param requestReceipts    whether content messages carry a XEP-0184 {@code <request/>}, so that the gateway
 *                           learns of delivery to an XMPP client (see the package documentation)
 * @param maxBodyOctets      largest MESSAGE body accepted; more is refused with 413 / policy-violation. RFC 6120
 *                           §13.12 lets XMPP servers cap stanzas at no less than 10,000 octets.
 */
public record InboundSettings(MessageType contentMessageType, boolean requestReceipts, int maxBodyOctets) {

    /** Type normal, no receipt requests, 8,000 octets (leaving room in a 10,000-octet stanza). */
    public static final InboundSettings DEFAULTS = new InboundSettings(MessageType.NORMAL, false, 8000);

    /** Requires type normal or chat and a positive size. */
    public InboundSettings {
        Objects.requireNonNull(contentMessageType, "contentMessageType");
        if (contentMessageType != MessageType.NORMAL && contentMessageType != MessageType.CHAT) {
            throw new IllegalArgumentException("content messages are normal or chat: " + contentMessageType);
        }
        if (maxBodyOctets < 1) {
            throw new IllegalArgumentException("maxBodyOctets must be positive: " + maxBodyOctets);
        }
    }
}
