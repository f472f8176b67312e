package org.parley.sip;

/** The state of the connection toward the Access Edge, as seen by keep-alives and the transport. */
public enum EdgeState {
    /** Started; the first probe has not answered yet. Requests are sent. */
    CONNECTING,
    /** The last probe was answered. Requests are sent. */
    UP,
    /** The connection was lost; an immediate probe is under way. Requests are sent (and reconnect). */
    RECONNECTING,
    /** Probes fail; reconnecting with backoff. Requests end at once as transport errors. */
    DOWN,
    /** Stopped. */
    STOPPED
}
