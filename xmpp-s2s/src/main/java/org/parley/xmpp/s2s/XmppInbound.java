package org.parley.xmpp.s2s;

import org.parley.xmpp.stanza.Stanza;

/**
 * Port through which the s2s module hands stanzas to the rest of the gateway: stanzas from authenticated remote
 * domains for local addresses, and bounces (error stanzas for stanzas the gateway sent that could not be
 * delivered). Everything handed over is immutable.
 *
 * <p>Called on Netty event loops: implementations must return quickly and never block; hand work to another
 * executor.
 */
public interface XmppInbound {

    /** A stanza from an authenticated remote domain addressed to a local user (not to the bare domain). */
    void received(Stanza stanza);

    /**
     * An error stanza generated locally for a stanza the gateway sent: {@code to} is the original sender,
     * {@code from} the original recipient, the error condition says why (e.g. {@code remote-server-not-found}).
     */
    void bounced(Stanza error);
}
