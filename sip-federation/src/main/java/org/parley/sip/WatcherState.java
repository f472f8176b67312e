package org.parley.sip;

import java.util.Locale;

/**
 * The state of a subscription to the gateway while it lasts (RFC 6665 §4.2.1.1, §8.2.3): {@code active}, with
 * state in the NOTIFYs, or {@code pending}, awaiting the presentity's authorization (RFC 3856 §6.6), with no
 * state in them.
 */
public enum WatcherState {
    ACTIVE, PENDING;

    /** The Subscription-State substate value. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
