package org.parley.xmpp.s2s;

/**
 * A per-connection stanza budget over one-second windows (ROBUSTNESS 14): when a peer exceeds it, the session
 * stops reading from its socket for a while, so TCP backpressure slows that peer alone. Not thread-safe; one per
 * stream, used on its event loop.
 */
final class StanzaRate {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int perSecond;
    private long windowStart = Long.MIN_VALUE;
    private int count;

    StanzaRate(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Counts a stanza at {@code nanoTime}; false when the window's budget is exhausted. */
    boolean admit(long nanoTime) {
        if (windowStart == Long.MIN_VALUE || nanoTime - windowStart >= WINDOW_NANOS) {
            windowStart = nanoTime;
            count = 0;
        }
        count++;
        return count <= perSecond;
    }
}
