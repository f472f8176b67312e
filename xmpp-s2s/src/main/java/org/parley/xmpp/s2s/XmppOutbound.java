package org.parley.xmpp.s2s;

import org.parley.xmpp.stanza.Stanza;

/**
 * Port through which the gateway sends stanzas to remote XMPP domains. Callable from any thread; never blocks.
 * A stanza that cannot be delivered comes back as a bounce through {@link XmppInbound#bounced(Stanza)}.
 */
public interface XmppOutbound {

    /**
     * Sends {@code stanza}; its {@code from} domain must be one the gateway serves (no relaying, RFC 6120 §13.7).
     *
     * @throws IllegalArgumentException when {@code from} is not a served domain
     */
    void send(Stanza stanza);
}
