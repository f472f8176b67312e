package org.parley.mapper.presence;

import java.util.Locale;
import java.util.Optional;

/** The {@code reason} of {@code Subscription-State: terminated} (RFC 6665 §4.1.3, IANA "reason" registry). */
public enum TerminationReason {
    /** Terminated; the subscriber SHOULD retry at once with a new subscription (e.g. notifier migration). */
    DEACTIVATED,
    /** Terminated; retry later, after Retry-After when given. */
    PROBATION,
    /** Terminated because authorization was refused or withdrawn; do not retry. */
    REJECTED,
    /** Not refreshed before it expired; the subscriber MAY subscribe again at once. */
    TIMEOUT,
    /** The notifier could not get authorization in time; retry after Retry-After, or at once. */
    GIVEUP,
    /** The watched resource no longer exists; do not retry. */
    NORESOURCE,
    /** The watched state will not change; do not retry. */
    INVARIANT;

    /** The parameter value, e.g. {@code "rejected"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason for a parameter value (case-insensitive); empty for an unknown one. */
    public static Optional<TerminationReason> fromWire(String value) {
        for (TerminationReason reason : values()) {
            if (reason.wire().equalsIgnoreCase(value)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
