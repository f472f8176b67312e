package org.parley.sip.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.sip.EdgeState;
import org.parley.sip.SipOutcome;
import org.parley.sip.stack.TlsFailureReason;

/**
 * The SIP leg's meters (exported on {@code /metrics} by the gateway's registry):
 * <ul>
 *   <li>{@code parley.sip.transactions} — counter by {@code direction} (outbound/inbound), {@code method}
 *       and {@code outcome} ({@code 2xx}…{@code 6xx}, {@code timeout}, {@code transport_error},
 *       {@code invalid});</li>
 *   <li>{@code parley.sip.edge.connection} — gauge per {@code state}, 1 for the current edge state;</li>
 *   <li>{@code parley.sip.tls.failures} — counter by {@code reason} and {@code direction};</li>
 *   <li>{@code parley.sip.requests.refused} — counter by {@code reason} (too_large, rate_limited, overloaded,
 *       method_not_allowed, not_implemented, framing, missing_header, cut_off).</li>
 * </ul>
 * Method tags are limited to the methods of RFC 3261 and its extensions; others count as {@code OTHER}.
 */
public final class SipMetrics {

    private static final Set<String> METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "MESSAGE", "SUBSCRIBE", "NOTIFY", "PUBLISH", "REFER", "INFO", "UPDATE", "PRACK");

    private final MeterRegistry registry;
    private final AtomicReference<EdgeState> edgeState = new AtomicReference<>(EdgeState.CONNECTING);
    private final Map<EdgeState, Gauge> stateGauges = new EnumMap<>(EdgeState.class);

    public SipMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EdgeState state : EdgeState.values()) {
            stateGauges.put(state, Gauge.builder("parley.sip.edge.connection", edgeState,
                            current -> current.get() == state ? 1 : 0)
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("1 for the current state of the connection to the Access Edge")
                    .register(registry));
        }
    }

    /** An outbound transaction ended. */
    public void outbound(String method, SipOutcome outcome) {
        transaction("outbound", method, outcomeTag(outcome));
    }

    /** The gateway answered an inbound request with {@code status}. */
    public void inbound(String method, int status) {
        transaction("inbound", method, (status / 100) + "xx");
    }

    public void edgeState(EdgeState state) {
        edgeState.set(state);
    }

    public void tlsFailure(TlsFailureReason reason, boolean inbound) {
        Counter.builder("parley.sip.tls.failures").tag("reason", reason.tag())
                .tag("direction", inbound ? "inbound" : "outbound")
                .description("TLS connections with the edge that failed or were refused").register(registry)
                .increment();
    }

    public void refused(String reason) {
        Counter.builder("parley.sip.requests.refused").tag("reason", reason)
                .description("inbound requests refused before reaching the application").register(registry)
                .increment();
    }

    private void transaction(String direction, String method, String outcome) {
        Counter.builder("parley.sip.transactions").tag("direction", direction)
                .tag("method", METHODS.contains(method) ? method : "OTHER").tag("outcome", outcome)
                .description("SIP transactions by method and outcome").register(registry).increment();
    }

    static String outcomeTag(SipOutcome outcome) {
        if (outcome instanceof SipOutcome.FinalResponse response) {
            return (response.status() / 100) + "xx";
        }
        if (outcome instanceof SipOutcome.Timeout) {
            return "timeout";
        }
        if (outcome instanceof SipOutcome.TransportError) {
            return "transport_error";
        }
        return "invalid";
    }
}
