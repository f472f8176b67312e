package org.parley.gateway.config;

import java.time.Duration;
import java.util.Objects;
import org.parley.mapper.presence.SubscriptionSettings;

/**
 * {@code <presence subscribe-expires retry subscribe-rate subscribe-start-rate state-write-linger>}: how the gateway
 * runs the SIP presence subscriptions it makes for XMPP users (RFC 8048 §5.2, RFC 6665 §4.1.2), and how it writes
 * presence state to its store.
 *
 * @param subscribeExpires the Expires of the gateway's SUBSCRIBEs (RFC 3856 §6.4 suggests 3600 s), whole seconds
 *                         up to a day; also the longest a SIP watcher's subscription to the gateway is granted
 * @param retry            how long to wait before subscribing again after a transient failure (edge unreachable,
 *                         5xx, probation), whole seconds up to a day
 * @param subscribeRate    the most SUBSCRIBEs per second the gateway sends toward the edge; more wait their turn
 *                         (a restart or the edge's return re-subscribes everything at once otherwise)
 * @param subscribeStartRate the most SUBSCRIBEs per second until the edge has reached the gateway over its own
 *                         connection (its first NOTIFY, say), at most {@code subscribeRate}: NOTIFYs the edge must
 *                         relay while it opens that connection wait in a bounded queue of the edge's
 * @param stateWriteLinger while the store is busy, how long the presence-state writer lets changes gather before
 *                         it commits the next batch (zero for none), up to a second
 */
public record PresenceConfig(Duration subscribeExpires, Duration retry, int subscribeRate, int subscribeStartRate,
                             Duration stateWriteLinger) {

    /** The longest Expires or retry delay accepted: one day. */
    static final Duration MAX_DURATION = Duration.ofDays(1);

    /** The longest linger of the presence-state writer accepted: one second. */
    static final Duration MAX_LINGER = Duration.ofSeconds(1);
    /** The start rate when none is configured (or the full rate, if that is lower). */
    static final int DEFAULT_START_RATE = 10;

    /**
     * Expires 3600 s, retry after 30 s, 200 SUBSCRIBEs per second, 10 per second until the edge has reached the
     * gateway, 5 ms of linger.
     */
    public static final PresenceConfig DEFAULTS = new PresenceConfig(Duration.ofHours(1), Duration.ofSeconds(30), 200,
            DEFAULT_START_RATE, Duration.ofMillis(5));

    /** The defaults of the start rate and the linger. */
    public PresenceConfig(Duration subscribeExpires, Duration retry, int subscribeRate) {
        this(subscribeExpires, retry, subscribeRate, Math.min(DEFAULT_START_RATE, subscribeRate),
                DEFAULTS.stateWriteLinger());
    }

    /**
     * Requires positive whole-second durations up to a day, a positive rate, a start rate from 1 to that rate, and
     * a linger from zero to a second (the loader reports these to the user first).
     */
    public PresenceConfig {
        Objects.requireNonNull(subscribeExpires, "subscribeExpires");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(stateWriteLinger, "stateWriteLinger");
        if (subscribeStartRate < 1 || subscribeStartRate > subscribeRate || stateWriteLinger.isNegative()
                || stateWriteLinger.compareTo(MAX_LINGER) > 0) {
            throw new IllegalArgumentException("invalid presence settings: start rate " + subscribeStartRate
                    + " for rate " + subscribeRate + ", linger " + stateWriteLinger);
        }
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
