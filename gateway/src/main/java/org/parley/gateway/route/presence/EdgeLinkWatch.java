package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.parley.gateway.lifecycle.Service;
import org.parley.sip.EdgeState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the edge link for presence (issue 6 item 4): polls the SIP leg's {@link EdgeState} and tells its
 * {@link EdgeLinkListener} (the {@link PresenceRoute}) when the link is lost ({@link EdgeState#DOWN}: probes fail)
 * and when it is {@link EdgeState#UP} again, so that XMPP users see SIP users go offline with the link and come
 * back with it.
 */
public final class EdgeLinkWatch implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeLinkWatch.class);

    private final Supplier<EdgeState> edge;
    private final EdgeLinkListener listener;
    private final Scheduler scheduler;
    private final Duration interval;
    private volatile boolean running;
    private boolean lost;

    /** @param interval how often the link state is read */
    public EdgeLinkWatch(Supplier<EdgeState> edge, EdgeLinkListener listener, Scheduler scheduler,
                         Duration interval) {
        this.edge = Objects.requireNonNull(edge, "edge");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String name() {
        return "presence-edge-watch";
    }

    @Override
    public void start() {
        running = true;
        scheduler.schedule(this::check, interval);
    }

    /** Reads the link state once, reports a change, and schedules the next reading while running. */
    synchronized void check() {
        if (!running) {
            return;
        }
        EdgeState state = edge.get();
        if (state == EdgeState.DOWN && !lost) {
            lost = true;
            LOG.info("edge link lost: SIP users' presence shown unavailable to XMPP watchers");
            listener.edgeLost();
        } else if (state == EdgeState.UP && lost) {
            lost = false;
            LOG.info("edge link back: subscribing again for XMPP watchers of SIP users");
            listener.edgeRestored();
        }
        scheduler.schedule(this::check, interval);
    }

    @Override
    public void stop() {
        running = false;
    }
}
