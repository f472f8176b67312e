package org.parley.gateway.config;

import java.time.Duration;
import java.util.Objects;
import org.parley.mapper.presence.SubscriptionSettings;

/**
 * {@code <presence subscribe-expires retry subscribe-rate>}: how the gateway runs the SIP presence subscriptions it
 * makes for XMPP users (RFC 8048 §5.2, RFC 6665 §4.1.2).
 *
 * @param subscribeExpires the Expires of the gateway's SUBSCRIBEs (RFC 3856 §6.4 suggests 3600 s), whole seconds
 *                         up to a day; also the longest a SIP watcher's subscription to the gateway is granted
 * @param retry            how long to wait before subscribing again after a transient failure (edge unreachable,
 *                         5xx, probation), whole seconds up to a day
 * @param subscribeRate    the most SUBSCRIBEs per second the gateway sends toward the edge; more wait their turn
 *                         (a restart or the edge's return re-subscribes everything at once otherwise)
 */
public record PresenceConfig(Duration subscribeExpires, Duration retry, int subscribeRate) {

    /** The longest Expires or retry delay accepted: one day. */
    static final Duration MAX_DURATION = Duration.ofDays(1);

    /** Expires 3600 s, retry after 30 s, 200 SUBSCRIBEs per second. */
    public static final PresenceConfig DEFAULTS = new PresenceConfig(Duration.ofHours(1), Duration.ofSeconds(30), 200);

    /**
     * Requires positive whole-second durations up to a day and a positive rate (the loader reports these to the
     * user first).
     */
    public PresenceConfig {
        Objects.requireNonNull(subscribeExpires, "subscribeExpires");
        Objects.requireNonNull(retry, "retry");
        if (!wholePositiveSeconds(subscribeExpires) || !wholePositiveSeconds(retry) || subscribeRate < 1
                || subscribeExpires.compareTo(MAX_DURATION) > 0 || retry.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("invalid presence settings: expires " + subscribeExpires
                    + ", retry " + retry + ", rate " + subscribeRate);
        }
    }

    /** {@code subscribeExpires} and {@code retry} for the mapper (both fit an int: at most a day). */
    public SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings((int) subscribeExpires.toSeconds(),
                (int) retry.toSeconds());
    }

    static boolean wholePositiveSeconds(Duration duration) {
        return duration.getNano() == 0 && duration.getSeconds() > 0;
    }
}
