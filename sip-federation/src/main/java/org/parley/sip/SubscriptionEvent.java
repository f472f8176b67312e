package org.parley.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one of the gateway's subscriptions (RFC 6665 §4.1): it became active (initial or refreshed
 * 2xx, with the granted duration), a NOTIFY arrived, or it ended.
 */
public sealed interface SubscriptionEvent {

    SubscriptionId id();

    /**
     * The notifier accepted (2xx) the initial SUBSCRIBE or a refresh; it lasts {@code expires}. {@code dialog} is
     * the dialog's values, to store for {@link SipSubscriber#resume} after a restart, when known.
     */
    record Accepted(SubscriptionId id, Duration expires, boolean refresh, Optional<SipDialogSnapshot> dialog)
            implements SubscriptionEvent {
        public Accepted {
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(dialog, "dialog");
        }

        /** An acceptance without the dialog's values. */
        public Accepted(SubscriptionId id, Duration expires, boolean refresh) {
            this(id, expires, refresh, Optional.empty());
        }
    }

    /** A NOTIFY arrived (RFC 6665 §4.1.3), answered 200 by this module. */
    record Notified(SubscriptionId id, SubscriptionState state, Optional<SipBody> body) implements SubscriptionEvent {
        public Notified {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The subscription ended: a NOTIFY said {@code terminated}, the SUBSCRIBE or a refresh was refused or timed
     * out, or an unsubscribe completed. {@code reason} is the Subscription-State reason or what failed.
     */
    record Terminated(SubscriptionId id, String reason) implements SubscriptionEvent {
    }

    /** Subscription-State values (RFC 6665 §8.2.3). */
    enum SubscriptionState {
        ACTIVE, PENDING, TERMINATED;

        /** Parses the substate-value; extension values count as {@link #ACTIVE} unless "terminated". */
        public static SubscriptionState parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "pending" -> PENDING;
                case "terminated" -> TERMINATED;
                default -> ACTIVE;
            };
        }
    }
}
