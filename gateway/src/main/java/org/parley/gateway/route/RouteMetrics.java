package org.parley.gateway.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The routes' meters on {@code /metrics}: {@code parley.route.messages{direction, outcome, condition}} counts every
 * message once when its outcome is known ({@code condition} is the XMPP stanza error condition for bounced and
 * refused messages, {@code none} otherwise), and {@code parley.route.late.errors{direction, condition}} counts errors
 * that arrived after the sender had already been answered (SIP → XMPP after the bounded wait).
 */
public final class RouteMetrics {

    /** The {@code condition} tag of outcomes without an error. */
    public static final String NO_CONDITION = "none";

    private final MeterRegistry registry;

    public RouteMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Counts one message that ended with {@code outcome}; {@code condition} is an error condition or {@link #NO_CONDITION}. */
    public void count(Direction direction, RouteOutcome outcome, String condition) {
        Counter.builder("parley.route.messages")
                .description("Messages routed between XMPP and SIP, by direction, outcome and error condition")
                .tag("direction", direction.tag()).tag("outcome", outcome.tag()).tag("condition", condition)
                .register(registry).increment();
    }

    /** Counts one message that ended without an error. */
    public void count(Direction direction, RouteOutcome outcome) {
        count(direction, outcome, NO_CONDITION);
    }

    /** Counts an error that arrived after the sender had been answered (it is logged, not forwarded). */
    public void lateError(Direction direction, String condition) {
        Counter.builder("parley.route.late.errors")
                .description("Errors for routed messages that arrived after the sender had been answered")
                .tag("direction", direction.tag()).tag("condition", condition)
                .register(registry).increment();
    }
}
