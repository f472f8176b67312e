package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.xmpp.s2s.RouteState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence of XMPP contacts across the loss of the s2s route to their domain (issue 6 item 4), for SIP users
 * watching them ({@link SipWatchers}):
 * <ul>
 *   <li>{@link RouteState#LOST}: every active watcher of a contact at the domain is notified closed
 *       ({@link SipWatchers#contactsLost}); authorizations stay. Then, while the domain stays lost, a
 *       {@code probe} (RFC 6121 §4.3) goes to an authorized contact there after {@code firstRetry}, doubling up to
 *       {@code maxRetry}: sending it makes the s2s client try to connect again. One probe per attempt and local
 *       domain is enough for that; while the domain is down it bounces, which changes nothing here.</li>
 *   <li>{@link RouteState#UP} after a loss: every authorized contact at the domain is probed; their answers
 *       restore the watchers' presence through the ordinary presence route. The first UP of a domain is not acted
 *       on: nothing was lost, and the start-up restore already probed everybody.</li>
 * </ul>
 * {@link #routeChanged} is called on an s2s event loop: it only records the transition and hands the work to the
 * route workers. A later transition of the same domain supersedes the work of an earlier one. Thread-safe.
 */
public final class XmppDomainLinks {

    private static final Logger LOG = LoggerFactory.getLogger(XmppDomainLinks.class);

    private final SipWatchers watchers;
    private final Function<String, List<PresenceAuthorization>> authorizations;
    private final Executor workers;
    private final Scheduler scheduler;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Map<String, Transition> transitions = new HashMap<>();
    private long transitionCount;

    /**
     * @param authorizations the stored authorizations whose XMPP contact is at a domain (from memory)
     * @param workers        the route workers, where the work runs
     * @param scheduler      runs the retries later
     * @param firstRetry     the wait before the first probe after a loss
     * @param maxRetry       the longest wait between probes while the domain stays lost
     */
    public XmppDomainLinks(SipWatchers watchers, Function<String, List<PresenceAuthorization>> authorizations,
                           Executor workers, Scheduler scheduler, Duration firstRetry, Duration maxRetry) {
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.firstRetry = Objects.requireNonNull(firstRetry, "firstRetry");
        this.maxRetry = Objects.requireNonNull(maxRetry, "maxRetry");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("need 0 < firstRetry <= maxRetry: " + firstRetry + ", " + maxRetry);
        }
    }

    /** The s2s route to {@code domain} changed; never blocks (called on an event loop). */
    public void routeChanged(String domain, RouteState state) {
        long transition = record(domain, state);
        if (transition < 0) {
            LOG.debug("route to XMPP domain {} up", domain);
            return;
        }
        try {
            workers.execute(() -> {
                if (state == RouteState.LOST) {
                    lost(domain, transition);
                } else {
                    returned(domain, transition);
                }
            });
        } catch (RejectedExecutionException full) {
            LOG.warn("route to XMPP domain {} {}: not handled, the route workers are full or stopped", domain, state);
        }
    }

    /** One reported transition: its number (increasing over all domains) and the state it led to. */
    private record Transition(long number, RouteState state) {
    }

    /**
     * Records the transition of {@code domain} to {@code state}; returns its number, or -1 when there is nothing to
     * do (an UP that follows no loss).
     */
    private synchronized long record(String domain, RouteState state) {
        transitionCount++;
        Transition previous = transitions.put(domain, new Transition(transitionCount, state));
        boolean afterLoss = previous != null && previous.state() == RouteState.LOST;
        return state == RouteState.LOST || afterLoss ? transitionCount : -1;
    }

    /** Whether {@code transition} is still the latest of {@code domain}. */
    private synchronized boolean current(String domain, long transition) {
        Transition latest = transitions.get(domain);
        return latest != null && latest.number() == transition;
    }

    private void lost(String domain, long transition) {
        if (!current(domain, transition)) {
            return;
        }
        int notified = watchers.contactsLost(domain);
        List<AuthorizationKey> authorized = authorized(domain);
        LOG.info("XMPP domain {} unreachable (s2s route lost): {} SIP watcher(s) notified offline; probing to "
                + "reconnect from {} s while it stays unreachable", domain, notified, firstRetry.toSeconds());
        if (!authorized.isEmpty()) {
            scheduleRetry(domain, transition, firstRetry);
        }
    }

    private void scheduleRetry(String domain, long transition, Duration delay) {
        scheduler.schedule(() -> retry(domain, transition, delay), delay);
    }

    private void retry(String domain, long transition, Duration delay) {
        if (!current(domain, transition)) {
            return;
        }
        List<AuthorizationKey> authorized = authorized(domain);
        if (authorized.isEmpty()) {
            return;
        }
        authorized.stream().collect(Collectors.toMap(key -> key.sipUser().host(), key -> key, (a, b) -> a))
                .values().forEach(watchers::probe);
        Duration doubled = delay.multipliedBy(2);
        scheduleRetry(domain, transition, doubled.compareTo(maxRetry) > 0 ? maxRetry : doubled);
    }

    private void returned(String domain, long transition) {
        if (!current(domain, transition)) {
            return;
        }
        List<AuthorizationKey> authorized = authorized(domain);
        authorized.forEach(watchers::probe);
        LOG.info("XMPP domain {} reachable (s2s route up): {} contact(s) probed for {} SIP watcher(s)", domain,
                authorized.size(), watchers.watchersAt(domain));
    }

    private List<AuthorizationKey> authorized(String domain) {
        return authorizations.apply(domain).stream()
                .filter(a -> a.key().direction() == AuthorizationDirection.SIP_TO_XMPP)
                .filter(a -> a.state() == AuthorizationState.AUTHORIZED)
                .map(PresenceAuthorization::key).toList();
    }
}
