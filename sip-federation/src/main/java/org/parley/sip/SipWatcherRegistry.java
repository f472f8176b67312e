package org.parley.sip;

import java.time.Duration;
import java.util.Optional;

/**
 * Takes back subscriptions to the gateway (RFC 6665 §4.2) that an earlier run of the gateway accepted, from their
 * stored {@link SipDialogSnapshot}s: after a restart the watcher's refreshes are matched again (answered 200, not
 * 481) and NOTIFYs go out in the old dialog.
 */
public interface SipWatcherRegistry {

    /**
     * Re-creates the watcher of {@code dialog}: in the dialog identified by its Call-ID and local tag, expiring
     * after {@code remaining} unless refreshed, refreshes granted up to {@code ceiling}. The watcher is accepted,
     * {@link WatcherState#PENDING} and nothing sent yet: the application notifies the current state through the
     * returned notifier. Its later events arrive at {@link SipInbound#onWatcher} like any watcher's.
     *
     * @return the notifier; empty when {@code remaining} is not positive (the subscription is over, RFC 6665
     *         §4.2.2) or a watcher with that id is already held
     */
    Optional<SipNotifier> resume(SipDialogSnapshot dialog, String event, Duration remaining, Duration ceiling);
}
