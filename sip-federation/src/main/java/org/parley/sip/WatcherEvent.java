package org.parley.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a subscription to the gateway (RFC 6665 §4.2, the gateway as notifier), reported at
 * {@link SipInbound#onWatcher}: a watcher subscribed (decide through its {@link SipNotifier}), was accepted (with
 * its dialog's values to store), refreshed its subscription (already answered by the module, with a NOTIFY of the
 * last state), or the subscription ended. Events of one watcher may be delivered on different worker threads:
 * an {@link Established} or {@link Refreshed} for a watcher whose {@link Ended} was seen is to be ignored.
 */
public sealed interface WatcherEvent {

    WatcherId id();

    /**
     * A SUBSCRIBE outside a dialog for the {@code presence} event package (RFC 3856 §6), not yet answered.
     *
     * @param request   the SUBSCRIBE as received
     * @param requested the duration the watcher asked for (its Expires, or 3600 s when absent, RFC 3856 §6.4);
     *                  zero for a one-time fetch (RFC 6665 §4.4.3)
     * @param notifier  where the application answers and later notifies
     */
    record Subscribed(WatcherId id, InboundRequest request, Duration requested, SipNotifier notifier)
            implements WatcherEvent {
        public Subscribed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(notifier, "notifier");
        }
    }

    /**
     * The subscription was accepted (by the application or, when it did not decide in time, by the module) and
     * lasts {@code expires}; {@code dialog} is what to store to {@link SipWatcherRegistry#resume resume} it after a
     * restart (RFC 6665 §4.2.1.1). Not reported for a one-time fetch.
     */
    record Established(WatcherId id, SipDialogSnapshot dialog, Duration expires) implements WatcherEvent {
        public Established {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dialog, "dialog");
            Objects.requireNonNull(expires, "expires");
        }
    }

    /**
     * The watcher refreshed the subscription (RFC 6665 §4.1.2.2); it now lasts {@code expires}. {@code dialog} is
     * the dialog's values now (its remote target may have changed, §4.2.2), when known.
     */
    record Refreshed(WatcherId id, Duration expires, Optional<SipDialogSnapshot> dialog) implements WatcherEvent {
        public Refreshed {
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(dialog, "dialog");
        }

        /** A refresh without the dialog's values. */
        public Refreshed(WatcherId id, Duration expires) {
            this(id, expires, Optional.empty());
        }
    }

    /** The subscription ended; no NOTIFY can be sent any more. */
    record Ended(WatcherId id, EndReason reason, String detail) implements WatcherEvent {
        public Ended {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a subscription to the gateway ended. */
    enum EndReason {
        /** The watcher sent SUBSCRIBE with Expires 0 (RFC 6665 §4.1.2.3). */
        UNSUBSCRIBED,
        /** It was not refreshed in time (RFC 6665 §4.2.2, reason {@code timeout}). */
        EXPIRED,
        /** The application rejected or terminated it. */
        TERMINATED,
        /** A NOTIFY failed in a way that ends the dialog usage (RFC 5057 §5.1, RFC 6665 §4.2.2). */
        FAILED,
        /** A one-time fetch (Expires 0) was answered with its single NOTIFY (RFC 6665 §4.4.3). */
        FETCHED
    }
}
