package org.parley.sip;

import java.util.Locale;

/**
 * Why the gateway ends a subscription to it, sent as the {@code reason} of {@code Subscription-State:
 * terminated} (RFC 6665 §4.2.2, §8.2.3 event-reason-value): e.g. {@link #REJECTED} when the presentity
 * withdraws authorization, {@link #DEACTIVATED} when the watcher may subscribe again at once,
 * {@link #NORESOURCE} when the resource no longer exists, {@link #TIMEOUT} on expiry or unsubscription.
 */
public enum TerminationReason {
    DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE, INVARIANT;

    /** The event-reason-value token. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
