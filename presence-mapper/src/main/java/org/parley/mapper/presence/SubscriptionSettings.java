package org.parley.mapper.presence;

/**
 * How the gateway runs the SIP notification dialogs it creates for XMPP users (RFC 8048 §5.2.2, RFC 6665 §4.1.2).
 *
 * @param expiresSeconds the Expires the gateway asks for in a SUBSCRIBE; 3600 by default, the RFC 3856 §6.4
 *                       default duration
 * @param retrySeconds   how long to wait before subscribing again after a transient failure that names no
 *                       Retry-After (30 by default)
 */
public record SubscriptionSettings(int expiresSeconds, int retrySeconds) {

    /** Expires 3600, retry after 30 s. */
    public static final SubscriptionSettings DEFAULTS = new SubscriptionSettings(3600, 30);

    /** The longest refresh margin: refresh at most ten minutes before expiry. */
    private static final int MAX_MARGIN_SECONDS = 600;

    /** Requires positive durations. */
    public SubscriptionSettings {
        if (expiresSeconds <= 0) {
            throw new IllegalArgumentException("expiresSeconds must be positive: " + expiresSeconds);
        }
        if (retrySeconds <= 0) {
            throw new IllegalArgumentException("retrySeconds must be positive: " + retrySeconds);
        }
    }

    /**
     * When to refresh a dialog the notifier granted for {@code grantedSeconds} (from the 2xx Expires or the
     * NOTIFY's {@code expires=}): at half its life, but never more than ten minutes before it expires — 3600 s
     * refreshes after 3000 s, 60 s after 30 s.
     */
    public long refreshAfterSeconds(long grantedSeconds) {
        if (grantedSeconds <= 0) {
            throw new IllegalArgumentException("a live dialog has a positive expiry: " + grantedSeconds);
        }
        return grantedSeconds - Math.min(grantedSeconds / 2, MAX_MARGIN_SECONDS);
    }
}
