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

    /**
     * A stanza from an authenticated remote domain to a served domain or an address at it; IQ requests to the
     * bare domain and answers to our pings are handled inside the module and never arrive here. The gateway
     * must answer every IQ get/set it receives (RFC 6120 §8.2.3), and answer stanzas for unknown users with an
     * error through {@link XmppOutbound}.
     */
    void received(Stanza stanza);

    /**
     * An error stanza generated locally for a stanza the gateway sent: {@code to} is the original sender,
     * {@code from} the original recipient, the error condition says why (e.g. {@code remote-server-not-found}).
     */
    void bounced(Stanza error);

    /**
     * The route to {@code remoteDomain} (normalised, RFC 7622 domainpart) changed: {@link RouteState#LOST} when a
     * ready stream with it failed or a new one could not be set up, {@link RouteState#UP} when a stream became ready
     * again (or for the first time). Each transition is reported once per domain, in order; see {@link RouteState}
     * for the precise rules. Nothing is reported while the service shuts down. Like every call here it comes on an
     * event loop and must not block.
     */
    default void routeChanged(String remoteDomain, RouteState state) {
    }
}
