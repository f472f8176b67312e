package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.Objects;
import org.parley.sip.EdgeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the edge link for presence (issue 6 item 4): the SIP leg pushes every {@link EdgeState} change
 * ({@link org.parley.sip.SipInbound#onEdgeState}); each push records the latest state and schedules a reconcile on
 * the route workers, which tells the {@link EdgeLinkListener} (the {@link PresenceRoute}) when the link is lost
 * ({@link EdgeState#DOWN}: probes fail) and when it is {@link EdgeState#UP} again, so that XMPP users see SIP users
 * go offline with the link and come back with it.
 *
 * <p>Reconciles may run concurrently and late (the workers have several threads), so each one works from the
 * latest recorded state rather than from the push that scheduled it: a loss and a return are each reported once,
 * in that order, and a loss that was over before any reconcile ran is still reported, followed by the return.
 */
public final class EdgeLinkWatch {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeLinkWatch.class);

    private final EdgeLinkListener listener;
    private final Scheduler scheduler;
    private EdgeState latest = EdgeState.CONNECTING;
    private boolean downSinceReconcile;
    private boolean lost;

    public EdgeLinkWatch(EdgeLinkListener listener, Scheduler scheduler) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The SIP leg reports a state change (on a SIP worker): recorded, and reconciled on a route worker. */
    public void onEdgeState(EdgeState state) {
        Objects.requireNonNull(state, "state");
        synchronized (this) {
            latest = state;
            downSinceReconcile |= state == EdgeState.DOWN;
        }
        scheduler.schedule(this::reconcile, Duration.ZERO);
    }

    /** Reports the transitions between what was last reported and the latest state; idempotent. */
    synchronized void reconcile() {
        if ((downSinceReconcile || latest == EdgeState.DOWN) && !lost) {
            lost = true;
            LOG.info("edge link lost: SIP users' presence shown unavailable to XMPP watchers");
            listener.edgeLost();
        }
        downSinceReconcile = false;
        if (latest == EdgeState.UP && lost) {
            lost = false;
            LOG.info("edge link back: subscribing again for XMPP watchers of SIP users");
            listener.edgeRestored();
        }
    }
}
