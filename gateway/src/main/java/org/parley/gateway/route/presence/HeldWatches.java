package org.parley.gateway.route.presence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.sip.SubscriptionId;

/**
 * The {@link PresentityWatch}es {@link SipPresentities} holds: by the SIP subscription's id (for its events) and
 * by the pair (for the XMPP user's stanzas, RFC 8048 §5.2), and how many of them the edge has accepted, for the
 * active-subscriptions gauge. Not thread-safe: guarded by the owner.
 */
final class HeldWatches {

    private final Map<SubscriptionId, PresentityWatch> byId = new HashMap<>();
    private final Map<AuthorizationKey, PresentityWatch> byKey = new HashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();

    /** Holds {@code watch} under its subscription's id and its pair. */
    void hold(PresentityWatch watch) {
        byId.put(watch.id, watch);
        byKey.put(watch.key, watch);
    }

    Optional<PresentityWatch> byId(SubscriptionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<PresentityWatch> byKey(AuthorizationKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    boolean holds(AuthorizationKey key) {
        return byKey.containsKey(key);
    }

    /** The watches held by pair: a copy, safe to change the holdings while walking it. */
    Collection<PresentityWatch> all() {
        return List.copyOf(byKey.values());
    }

    /** Counts {@code watch} as active once: the edge accepted its SUBSCRIBE. */
    void accepted(PresentityWatch watch) {
        if (!watch.accepted) {
            watch.accepted = true;
            accepted.incrementAndGet();
        }
    }

    /** No longer holds {@code watch} by its subscription's id, nor counts it as active. */
    void releaseId(PresentityWatch watch) {
        byId.remove(watch.id);
        if (watch.accepted) {
            accepted.decrementAndGet();
        }
    }

    /** No longer holds {@code watch} by its pair (another watch of the pair stays). */
    void releaseKey(PresentityWatch watch) {
        byKey.remove(watch.key, watch);
    }

    /** How many held watches the edge accepted. */
    int accepted() {
        return accepted.get();
    }
}
