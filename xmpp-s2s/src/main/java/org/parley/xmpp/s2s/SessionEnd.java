package org.parley.xmpp.s2s;

/**
 * How an s2s stream ended, as far as the route state is concerned ({@link RouteState}, {@link RouteStates}).
 */
enum SessionEnd {

    /** It never became ready (no domain pair authenticated on it): says nothing about an established route. */
    NOT_READY,

    /** Ready, then closed with {@code </stream:stream>} by either side (RFC 6120 §4.4): the route is only idle. */
    CLOSED,

    /**
     * Ready, then ended without a stream close: TCP reset or end of file, a stream error (RFC 6120 §4.9), or an
     * unanswered ping (XEP-0199): the route is lost.
     */
    BROKEN;

    /** The end of a stream that was ready or not, and closed with a stream close or not. */
    static SessionEnd of(boolean wasReady, boolean closedCleanly) {
        if (!wasReady) {
            return NOT_READY;
        }
        return closedCleanly ? CLOSED : BROKEN;
    }
}
