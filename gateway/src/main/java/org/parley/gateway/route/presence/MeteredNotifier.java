package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.parley.sip.SipBody;
import org.parley.sip.SipNotifier;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;

/**
 * A {@link SipNotifier} that tells {@link PresenceMetrics} of each NOTIFY the SIP module took (RFC 6665 §4.2.2: the
 * first after {@code accept}, each {@code notify}, the final {@code terminate}) and of the watcher it accepted.
 */
final class MeteredNotifier implements SipNotifier {

    private final SipNotifier notifier;
    private final PresenceMetrics metrics;

    MeteredNotifier(SipNotifier notifier, PresenceMetrics metrics) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public WatcherId id() {
        return notifier.id();
    }

    @Override
    public boolean accept(Duration expires, WatcherState state, Optional<SipBody> body) {
        boolean accepted = notifier.accept(expires, state, body);
        if (accepted) {
            metrics.watcherAccepted(id());
            metrics.notifySent();
        }
        return accepted;
    }

    @Override
    public boolean reject(int status) {
        return notifier.reject(status);
    }

    @Override
    public boolean notify(WatcherState state, Optional<SipBody> body) {
        boolean sent = notifier.notify(state, body);
        if (sent) {
            metrics.notifySent();
        }
        return sent;
    }

    @Override
    public boolean terminate(TerminationReason reason) {
        boolean sent = notifier.terminate(reason);
        if (sent) {
            metrics.notifySent();
        }
        return sent;
    }
}
