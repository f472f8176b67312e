package org.parley.gateway.presence.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A stored presence authorization (RFC 8048 §5): who may see whose presence, and how far the request has got.
 * Instants are kept to the microsecond, the precision the store keeps, so that what is read back equals what
 * was written.
 */
public record PresenceAuthorization(AuthorizationKey key, AuthorizationState state, Instant createdAt,
                                    Instant updatedAt) {

    /** Requires all fields and {@code updatedAt} not before {@code createdAt}; truncates both to microseconds. */
    public PresenceAuthorization {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
        if (updatedAt.equals(createdAt)) {
            updatedAt = createdAt; // one object for both, as most rows read back at start-up have (kept per subscription)
        }
    }

    /** A new authorization in {@code state}, created and updated {@code now}. */
    public static PresenceAuthorization of(AuthorizationKey key, AuthorizationState state, Instant now) {
        return new PresenceAuthorization(key, state, now, now);
    }

    /** This authorization moved to {@code next} at {@code now}; the creation time stays. */
    public PresenceAuthorization withState(AuthorizationState next, Instant now) {
        return new PresenceAuthorization(key, next, createdAt, now);
    }
}
