package org.parley.xmpp.s2s;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route state of every remote domain, fed by the streams and routes, reporting each transition once to the
 * listener ({@link XmppInbound#routeChanged}): {@link RouteState#UP} when a stream with the domain becomes ready and
 * the domain was lost or never reported; {@link RouteState#LOST} on evidence of failure (see {@link RouteState})
 * while the domain is up. Evidence of failure for a domain never up, or already lost, changes nothing; so does a
 * clean close, which never reaches this class. After {@link #stop()} nothing is reported (our own shutdown is not a
 * loss).
 *
 * <p>Thread-safe: streams of one domain run on different event loops. The listener is called under the lock, so
 * transitions arrive in order; it must not block.
 */
final class RouteStates {

    private static final Logger LOG = LoggerFactory.getLogger(RouteStates.class);

    private final BiConsumer<String, RouteState> listener;
    private final Map<String, RouteState> domains = new HashMap<>();
    private boolean stopped;

    RouteStates(BiConsumer<String, RouteState> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A stream with {@code domain} became ready (a domain pair with it authenticated). */
    synchronized void ready(String domain) {
        if (!stopped && domains.put(domain, RouteState.UP) != RouteState.UP) {
            report(domain, RouteState.UP, "a stream became ready");
        }
    }

    /** Evidence that {@code domain} cannot be reached: a ready stream broke, or setting one up failed. */
    synchronized void failed(String domain, String why) {
        if (!stopped && domains.get(domain) == RouteState.UP) {
            domains.put(domain, RouteState.LOST);
            report(domain, RouteState.LOST, why);
        }
    }

    /** The last state reported for {@code domain}; null when none was. */
    synchronized RouteState state(String domain) {
        return domains.get(domain);
    }

    /** The service is shutting down: streams we close are not losses, and nothing more is reported. */
    synchronized void stop() {
        stopped = true;
    }

    private void report(String domain, RouteState state, String why) {
        LOG.info("route to {} {}: {}", domain, state, why);
        try {
            listener.accept(domain, state);
        } catch (RuntimeException e) {
            LOG.warn("route state {} of {} not taken: {}", state, domain, e.toString());
        }
    }
}
