package org.parley.xmpp.s2s;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * The s2s meters (exposed by the gateway on {@code /metrics}):
 * <ul>
 *   <li>{@code parley.xmpp.s2s.sessions} gauge, tags {@code direction} (inbound|outbound) and {@code state}
 *       (negotiating|authenticated);</li>
 *   <li>{@code parley.xmpp.s2s.stanzas} counter, tags {@code direction} (in|out) and {@code domain};</li>
 *   <li>{@code parley.xmpp.s2s.bounces} counter, tags {@code condition} and {@code domain};</li>
 *   <li>{@code parley.xmpp.s2s.authentications} counter, tags {@code direction}, {@code mechanism},
 *       {@code outcome} (success|failure) and {@code domain};</li>
 *   <li>{@code parley.xmpp.s2s.refused} counter, tag {@code reason}: connections refused before authentication.</li>
 * </ul>
 * Thread-safe.
 */
public final class S2sMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> sessions = new ConcurrentHashMap<>();

    /** Meters registered in {@code registry}. */
    public S2sMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (SessionState.Direction direction : SessionState.Direction.values()) {
            for (String state : new String[] {"negotiating", "authenticated"}) {
                AtomicInteger value = new AtomicInteger();
                sessions.put(key(direction, state), value);
                Gauge.builder("parley.xmpp.s2s.sessions", value, AtomicInteger::get)
                        .description("s2s streams by direction and state")
                        .tag("direction", lower(direction)).tag("state", state).register(registry);
            }
        }
    }

    void sessionOpened(SessionState.Direction direction) {
        sessions.get(key(direction, "negotiating")).incrementAndGet();
    }

    void sessionAuthenticated(SessionState.Direction direction) {
        sessions.get(key(direction, "negotiating")).decrementAndGet();
        sessions.get(key(direction, "authenticated")).incrementAndGet();
    }

    void sessionClosed(SessionState.Direction direction, boolean wasAuthenticated) {
        sessions.get(key(direction, wasAuthenticated ? "authenticated" : "negotiating")).decrementAndGet();
    }

    /** Current number of sessions (for tests and health). */
    public int sessions(String direction, String state) {
        AtomicInteger value = sessions.get(direction + "/" + state);
        return value == null ? 0 : value.get();
    }

    void stanzaIn(String domain) {
        counter("parley.xmpp.s2s.stanzas", "direction", "in", "domain", domain).increment();
    }

    void stanzaOut(String domain) {
        counter("parley.xmpp.s2s.stanzas", "direction", "out", "domain", domain).increment();
    }

    void bounce(StanzaErrorCondition condition, String domain) {
        counter("parley.xmpp.s2s.bounces", "condition", condition.elementName(), "domain", domain).increment();
    }

    void authentication(SessionState.Direction direction, Authenticator.Mechanism mechanism, boolean success,
                        String domain) {
        counter("parley.xmpp.s2s.authentications", "direction", lower(direction), "mechanism", lower(mechanism),
                "outcome", success ? "success" : "failure", "domain", domain).increment();
    }

    void refused(String reason) {
        counter("parley.xmpp.s2s.refused", "reason", reason).increment();
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }

    private static String key(SessionState.Direction direction, String state) {
        return lower(direction) + "/" + state;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
