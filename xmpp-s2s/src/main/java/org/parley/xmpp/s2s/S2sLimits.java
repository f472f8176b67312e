package org.parley.xmpp.s2s;

import java.util.Objects;
import org.parley.xmpp.stream.StreamLimits;

/**
 * Resource limits of the s2s service (RFC 6120 §13.12; ROBUSTNESS items 3, 4, 6, 14).
 *
 * @param stream                       parser limits per stream
 * @param queueSize                    stanzas waiting per route being set up; more are bounced with
 *                                     {@code resource-constraint}
 * @param maxUnauthenticatedPerAddress inbound connections from one IP address not yet authenticated
 * @param maxStanzasPerSecond          inbound stanzas per second per connection before reading pauses
 */
public record S2sLimits(StreamLimits stream, int queueSize, int maxUnauthenticatedPerAddress, int maxStanzasPerSecond) {

    public S2sLimits {
        Objects.requireNonNull(stream, "stream");
        if (queueSize < 1 || maxUnauthenticatedPerAddress < 1 || maxStanzasPerSecond < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Default stream limits, 1000 queued stanzas, 16 unauthenticated connections per address, 5000 stanzas/s. */
    public static S2sLimits defaults() {
        return new S2sLimits(StreamLimits.defaults(), 1000, 16, 5000);
    }

    /** The same limits with another queue size. */
    public S2sLimits withQueueSize(int size) {
        return new S2sLimits(stream, size, maxUnauthenticatedPerAddress, maxStanzasPerSecond);
    }

    /** The same limits with another cap on unauthenticated connections per address. */
    public S2sLimits withMaxUnauthenticatedPerAddress(int max) {
        return new S2sLimits(stream, queueSize, max, maxStanzasPerSecond);
    }

    /** The same limits with another inbound stanza rate. */
    public S2sLimits withMaxStanzasPerSecond(int max) {
        return new S2sLimits(stream, queueSize, maxUnauthenticatedPerAddress, max);
    }
}
