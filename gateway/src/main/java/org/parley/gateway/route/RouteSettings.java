package org.parley.gateway.route;

import java.time.Duration;
import java.util.Objects;
import org.parley.gateway.config.MessagesConfig;
import org.parley.mapper.sip2xmpp.InboundSettings;
import org.parley.mapper.xmpp2sip.MessageSettings;

/**
 * How the IM routes behave.
 *
 * @param bounceWait     how long a SIP MESSAGE transaction stays open for an XMPP error or receipt before it is
 *                       answered 202 Accepted (RFC 3428 §7); keep it well below the edge's transaction timeout
 * @param workers        threads translating and forwarding (never Netty event loops or the SIP stack's threads)
 * @param queue          work waiting for those threads; beyond it new messages are refused at once
 *                       ({@code resource-constraint} / 503)
 * @param toSip          XMPP → SIP translation (size limit, isComposing refresh)
 * @param toXmpp         SIP → XMPP translation (message type, receipt requests, size limit)
 */
public record RouteSettings(Duration bounceWait, int workers, int queue, MessageSettings toSip,
                            InboundSettings toXmpp) {

    /** Two seconds of bounce wait, two workers, 10,000 queued, the mapper's defaults. */
    public static final RouteSettings DEFAULTS = new RouteSettings(Duration.ofSeconds(2), 2, 10_000,
            MessageSettings.DEFAULTS, InboundSettings.DEFAULTS);

    /** Requires a positive wait, workers and queue. */
    public RouteSettings {
        Objects.requireNonNull(bounceWait, "bounceWait");
        Objects.requireNonNull(toSip, "toSip");
        Objects.requireNonNull(toXmpp, "toXmpp");
        if (bounceWait.isNegative() || bounceWait.isZero() || workers < 1 || queue < 1) {
            throw new IllegalArgumentException("bounce wait, workers and queue must be positive");
        }
    }

    /** The settings {@code <messages>} asks for, with the default workers, queue and isComposing refresh. */
    public static RouteSettings of(MessagesConfig messages) {
        return new RouteSettings(messages.bounceWait(), DEFAULTS.workers(), DEFAULTS.queue(),
                new MessageSettings(messages.maxSize(), DEFAULTS.toSip().composingRefresh()),
                new InboundSettings(DEFAULTS.toXmpp().contentMessageType(), messages.requestReceipts(),
                        messages.maxSize()));
    }

    /** These settings with another bounce wait. */
    public RouteSettings withBounceWait(Duration wait) {
        return new RouteSettings(wait, workers, queue, toSip, toXmpp);
    }

    /** These settings with other SIP → XMPP translation settings. */
    public RouteSettings withToXmpp(InboundSettings settings) {
        return new RouteSettings(bounceWait, workers, queue, toSip, settings);
    }
}
