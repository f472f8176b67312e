package org.parley.xmpp.s2s;

import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.dialback.DialbackElement;

/**
 * What an {@link OutboundSession} reports to the route that owns it ({@link OutboundRoute}). Every call comes
 * on the session's event loop; a route ignores reports from a session that is no longer its current one.
 */
interface RouteEvents {

    /** Security is settled (TLS or none), so {@code db:verify} requests may go out on the stream (XEP-0220 §2.1.3). */
    void streamUsable(OutboundSession session);

    /** A {@code db:verify} answer arrived; accepted only if it answers a request sent on this session. */
    void verifyAnswered(OutboundSession session, DialbackElement answer);

    /** The domain pair is authenticated: stanzas may flow. */
    void ready(OutboundSession session);

    /** Setup failed (negotiation, TLS, authentication, a stream error); queued stanzas bounce with {@code condition}. */
    void failed(OutboundSession session, StanzaErrorCondition condition, String reason);

    /** The connection is gone; {@code end} says whether it had been ready and how it ended. */
    void sessionClosed(OutboundSession session, SessionEnd end, String reason);
}
