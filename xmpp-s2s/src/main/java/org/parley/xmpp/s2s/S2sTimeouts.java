package org.parley.xmpp.s2s;

import java.time.Duration;
import java.util.List;

/**
 * Time limits of s2s streams.
 *
 * @param negotiation   an inbound stream must authenticate a domain within this (ROBUSTNESS 6)
 * @param connect       an outbound route must be resolved, connected and authenticated within this, else its
 *                      queue bounces with {@code remote-server-timeout}
 * @param idle          an inbound stream with no traffic, or an outbound one with no stanzas, for this long is
 *                      closed (RFC 6120 §4.4)
 * @param pingInterval  an outbound stream silent for this long is probed with an XEP-0199 ping
 * @param pingTimeout   a ping unanswered for this long closes the stream as dead
 * @param backoffMin    wait after the first failed attempt to set up a route
 * @param backoffMax    the longest wait between attempts (exponential growth, jittered)
 */
public record S2sTimeouts(Duration negotiation, Duration connect, Duration idle, Duration pingInterval,
                          Duration pingTimeout, Duration backoffMin, Duration backoffMax) {

    public S2sTimeouts {
        for (Duration d : List.of(negotiation, connect, idle, pingInterval, pingTimeout, backoffMin, backoffMax)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoffMax must not be below backoffMin");
        }
    }

    /** 30 s negotiation and connect, 10 min idle, ping after 2 min silence with 30 s to answer, backoff 1 s … 5 min. */
    public static S2sTimeouts defaults() {
        return new S2sTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** The same with another negotiation timeout. */
    public S2sTimeouts withNegotiation(Duration d) {
        return new S2sTimeouts(d, connect, idle, pingInterval, pingTimeout, backoffMin, backoffMax);
    }

    /** The same with another connect timeout. */
    public S2sTimeouts withConnect(Duration d) {
        return new S2sTimeouts(negotiation, d, idle, pingInterval, pingTimeout, backoffMin, backoffMax);
    }

    /** The same with another idle timeout. */
    public S2sTimeouts withIdle(Duration d) {
        return new S2sTimeouts(negotiation, connect, d, pingInterval, pingTimeout, backoffMin, backoffMax);
    }

    /** The same with other ping timing. */
    public S2sTimeouts withPing(Duration interval, Duration timeout) {
        return new S2sTimeouts(negotiation, connect, idle, interval, timeout, backoffMin, backoffMax);
    }

    /** The same with other backoff bounds. */
    public S2sTimeouts withBackoff(Duration min, Duration max) {
        return new S2sTimeouts(negotiation, connect, idle, pingInterval, pingTimeout, min, max);
    }
}
