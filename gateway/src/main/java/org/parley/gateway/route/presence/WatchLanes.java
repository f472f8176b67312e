package org.parley.gateway.route.presence;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.XmppPresence;

/**
 * What goes to the XMPP user of each {@link PresentityWatch}, in order (RFC 6120 §10.1: a sender's stanzas arrive in
 * the order sent): each watch's {@link PresentityWatch#lane} is the last step queued for it, and the next one runs
 * after it, e.g. {@code subscribed} only once its authorization is durable, then the presence. A lane with nothing
 * left to run is the one shared completed stage, not an object per subscription. Callers hold the owner's lock.
 */
final class WatchLanes {

    private final Consumer<XmppPresence> xmpp;
    private final CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    WatchLanes(Consumer<XmppPresence> xmpp) {
        this.xmpp = xmpp;
    }

    /** The lane of a new watch: nothing queued. */
    CompletableFuture<Void> idle() {
        return idle;
    }

    /** Queues {@code presences} for {@code watch}'s XMPP user. */
    void send(PresentityWatch watch, List<XmppPresence> presences) {
        if (!presences.isEmpty()) {
            watch.lane = settled(watch.lane.thenRun(() -> presences.forEach(xmpp)));
        }
    }

    /** Queues {@code subscribed} for {@code watch}'s XMPP user once {@code durable} completes; {@code failed} if not. */
    void sendSubscribedWhen(PresentityWatch watch, CompletionStage<Void> durable, Consumer<Throwable> failed) {
        watch.lane = watch.lane.thenCompose(ignored -> durable).handle((ok, failure) -> {
            if (failure != null) {
                failed.accept(failure);
            } else {
                xmpp.accept(XmppPresence.of(PresenceType.SUBSCRIBED, watch.presentity, watch.watcher()));
            }
            return null;
        });
    }

    /** Queues the end of {@code watch}: its resources offline, then {@code unsubscribed}. */
    void sendEnd(PresentityWatch watch) {
        watch.lane = sendEnd(watch.offline(), watch.presentity, watch.watcher(), watch.lane);
    }

    /** The end of a pair nobody holds: {@code offline}, then {@code unsubscribed} from {@code presentity}. */
    void sendEnd(List<XmppPresence> offline, XmppAddress presentity, XmppAddress watcher) {
        sendEnd(offline, presentity, watcher, idle);
    }

    private CompletableFuture<Void> sendEnd(List<XmppPresence> offline, XmppAddress presentity, XmppAddress watcher,
                                            CompletableFuture<Void> lane) {
        return settled(lane.thenRun(() -> {
            offline.forEach(xmpp);
            xmpp.accept(XmppPresence.of(PresenceType.UNSUBSCRIBED, presentity, watcher));
        }));
    }

    /** {@code lane}, or the shared idle stage once it has completed normally (nothing left to wait for). */
    private CompletableFuture<Void> settled(CompletableFuture<Void> lane) {
        return lane.isDone() && !lane.isCompletedExceptionally() ? idle : lane;
    }
}
