package org.parley.sip;

import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's side of one subscription to it (RFC 6665 §4.2 notifier; presence per RFC 3856), handed to the
 * application in {@link WatcherEvent.Subscribed}. The module keeps the dialog, the granted duration, the last
 * state sent and the expiry timer; it answers refreshes and unsubscriptions itself and sends each NOTIFY in
 * order, one at a time (a state offered while one is outstanding replaces any state still waiting).
 *
 * <p>The first decision must come promptly: the edge's transaction for the SUBSCRIBE waits for it. If neither
 * {@link #accept} nor {@link #reject} is called within the module's decision time (2 s), the module accepts the
 * subscription as {@link WatcherState#PENDING}. Once accepted (by either), {@code accept} sends its state as a
 * NOTIFY and {@code reject} ends the subscription with reason {@code rejected}. Every method is safe to call
 * from any thread and returns {@code false} when it does not apply: after the end, or {@code notify} and
 * {@code terminate} before the decision.
 */
public interface SipNotifier {

    WatcherId id();

    /**
     * Answers the SUBSCRIBE 200 (RFC 6665 §4.2.1.1; the 202 of RFC 3265 is deprecated) with an Expires of at
     * most the requested duration, then sends the first NOTIFY with {@code state} and, if active,
     * {@code body} (e.g. a PIDF document, RFC 3863).
     *
     * @param expires the longest duration the gateway grants; the watcher's request may shorten it
     */
    boolean accept(Duration expires, WatcherState state, Optional<SipBody> body);

    /** Refuses the SUBSCRIBE with a 3xx–6xx {@code status} (e.g. 403, 480, 603); no dialog remains. */
    boolean reject(int status);

    /** Sends a NOTIFY with the current {@code state} and, if active, {@code body}; remembered for refreshes. */
    boolean notify(WatcherState state, Optional<SipBody> body);

    /** Ends the subscription with a final NOTIFY {@code terminated;reason=...} (RFC 6665 §4.2.2). */
    boolean terminate(TerminationReason reason);
}
