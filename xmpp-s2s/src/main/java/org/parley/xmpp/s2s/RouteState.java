package org.parley.xmpp.s2s;

/**
 * Whether the gateway can currently reach a remote XMPP domain over s2s, as reported through
 * {@link XmppInbound#routeChanged}. A domain starts unreported; {@link RouteStates} decides the transitions.
 *
 * <p>What counts as a loss, for a domain the route is {@link #UP} with:
 * <ul>
 *   <li>a ready (authenticated) stream with the domain, inbound or outbound, ends without a stream close: TCP reset
 *       or end of file with no {@code </stream:stream>} (the peer vanished, RFC 6120 §4.4 not followed);</li>
 *   <li>a ready stream ends with a stream error, sent by either side (RFC 6120 §4.9: the stream is
 *       unrecoverable);</li>
 *   <li>an XEP-0199 ping on the outbound stream is not answered in time (the answer would come back on the peer's
 *       stream to us, so both directions are in doubt);</li>
 *   <li>an attempt to set up the outbound stream fails (DNS, connect, TLS, authentication, timeout).</li>
 * </ul>
 * A stream closed cleanly by either side with {@code </stream:stream>} (RFC 6120 §4.4), e.g. after the idle timeout,
 * or by our own shutdown, is NOT a loss: the domain is merely idle and stays {@link #UP}.
 */
public enum RouteState {

    /**
     * A stream with the domain became ready (a domain pair authenticated, RFC 6120 §5–§6, XEP-0220, XEP-0178)
     * while the domain was {@link #LOST} or never reported.
     */
    UP,

    /** Evidence of failure (see the class description) while the domain was {@link #UP}. */
    LOST
}
