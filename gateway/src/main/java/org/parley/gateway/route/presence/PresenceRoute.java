package org.parley.gateway.route.presence;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.RestoredState;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.StanzaErrors;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.WatcherEvent;
import org.parley.xmpp.s2s.RouteState;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where presence enters the routes (RFC 8048): {@code <presence/>} stanzas from remote XMPP users to local SIP users'
 * JIDs, and the SIP module's subscription and watcher events. Checks the allow list for the remote domain, then
 * hands the stanza by type:
 * <pre>
 *  type                       to                   section
 *  subscribe                  {@link SipPresentities}   §5.2.1 SUBSCRIBE
 *  unsubscribe                {@link SipPresentities}   §5.2.3 SUBSCRIBE Expires 0
 *  probe                      {@link SipPresentities}   §7 last known presence
 *  subscribed, unsubscribed   {@link SipWatchers}       §5.3.1 NOTIFY active / terminated;reason=rejected
 *  (none), unavailable        {@link SipWatchers}       §6.2 PIDF NOTIFY
 *  error                      logged                    (no subscription state changes on an error here yet)
 * </pre>
 * A {@code subscribe}, {@code unsubscribe} or {@code probe} that is refused (domain not allowed, addressee not a
 * SIP user) is answered with a presence error; other refused presence is dropped (RFC 6120 §10.5.3.2). Called on
 * route workers and SIP workers; never blocks on I/O.
 */
public final class PresenceRoute implements EdgeLinkListener {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceRoute.class);

    private final AddressMapper addresses;
    private final RoutePolicy policy;
    private final SipPresentities presentities;
    private final SipWatchers watchers;
    private final XmppOutbound xmpp;
    private final StateChanges state;
    private final Optional<XmppDomainLinks> domainLinks;
    private final PresenceMetrics metrics;

    /** @param state where dialogs that are not taken back after a restart are removed */
    public PresenceRoute(AddressMapper addresses, RoutePolicy policy, SipPresentities presentities,
                         SipWatchers watchers, XmppOutbound xmpp, StateChanges state) {
        this(addresses, policy, presentities, watchers, xmpp, state, Optional.empty(),
                new PresenceMetrics(new SimpleMeterRegistry()));
    }

    /**
     * The route as the gateway wires it: it also follows the s2s routes to XMPP domains ({@link XmppDomainLinks},
     * issue 6 item 4) and counts the stanzas and SIP events it routes in {@code metrics}.
     *
     * @param state where dialogs that are not taken back after a restart are removed
     */
    public PresenceRoute(AddressMapper addresses, RoutePolicy policy, SipPresentities presentities,
                         SipWatchers watchers, XmppOutbound xmpp, StateChanges state,
                         Optional<XmppDomainLinks> domainLinks, PresenceMetrics metrics) {
        this.domainLinks = Objects.requireNonNull(domainLinks, "domainLinks");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.presentities = Objects.requireNonNull(presentities, "presentities");
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A presence stanza from a remote XMPP user (on a route worker). */
    public void received(Stanza stanza) {
        if (stanza.isError()) {
            LOG.debug("presence error from {} to {} not routed", stanza.from(), stanza.to());
            metrics.fromXmpp(stanza, RouteOutcome.ABSORBED);
            return;
        }
        MappingResult<XmppPresence> read = PresenceStanzas.read(stanza);
        if (read instanceof MappingResult.Rejected<XmppPresence> rejected) {
            refuse(stanza, rejected.rejection());
            metrics.fromXmpp(stanza, RouteOutcome.REFUSED);
            return;
        }
        XmppPresence presence = read.orElseThrow();
        Optional<Rejection> refusal = policy.refusal(presence.from().domain()).or(() ->
                addresses.toSip(presence.to().bare(), Party.LOCAL_SIP_USER) instanceof MappingResult.Rejected<?> r
                        ? Optional.of(r.rejection()) : Optional.empty());
        if (refusal.isEmpty()) {
            refusal = route(presence);
        }
        refusal.ifPresent(rejection -> refuse(stanza, rejection));
        metrics.fromXmpp(stanza, refusal.isPresent() ? RouteOutcome.REFUSED : RouteOutcome.DELIVERED);
    }

    private Optional<Rejection> route(XmppPresence presence) {
        return switch (presence.type()) {
            case SUBSCRIBE -> presentities.subscribe(presence);
            case UNSUBSCRIBE -> presentities.unsubscribe(presence);
            case PROBE -> presentities.probe(presence);
            case SUBSCRIBED -> {
                watchers.subscribed(presence);
                yield Optional.empty();
            }
            case UNSUBSCRIBED -> {
                watchers.unsubscribed(presence);
                yield Optional.empty();
            }
            case AVAILABLE, UNAVAILABLE -> {
                watchers.presence(presence);
                yield Optional.empty();
            }
            case ERROR -> Optional.empty();
        };
    }

    private void refuse(Stanza stanza, Rejection rejection) {
        String type = stanza.type();
        if (type.equals("subscribe") || type.equals("unsubscribe") || type.equals("probe")) {
            LOG.info("presence {} from {} to {} refused: {}", type, stanza.from(), stanza.to(), rejection.reason());
            stanza.errorReply(StanzaErrors.toS2s(rejection)).ifPresent(xmpp::send);
        } else {
            LOG.debug("presence '{}' from {} to {} dropped: {}", type, stanza.from(), stanza.to(), rejection.reason());
        }
    }

    /**
     * Re-establishes presence after a restart (issue 6 item 3), for domains the allow list still permits: every
     * stored subscriber dialog is refreshed in place, a new SUBSCRIBE goes out for every other stored XMPP-to-SIP
     * authorization that is not rejected, every stored watcher dialog is taken back (its SIP watcher notified in
     * it), then a probe for every authorized SIP-to-XMPP one brings current presence. Expired dialogs are removed.
     */
    public void restore(RestoredState restored) {
        int refreshed = 0;
        int subscribed = 0;
        int resumed = 0;
        int probed = 0;
        SharedKeys shared = new SharedKeys();
        for (SipSubscriptionDialog dialog : restored.subscriberDialogsToRefresh()) {
            Optional<XmppAddress> presentity = permitted(dialog.authorizationKey());
            if (presentity.isPresent()) {
                presentities.resume(shared.of(dialog.authorizationKey()), presentity.get(), dialog);
                refreshed++;
            } else {
                state.apply(StateChange.remove(dialog.id()));
            }
        }
        for (PresenceAuthorization authorization : restored.subscriptionsWithoutDialog()) {
            Optional<XmppAddress> presentity = permitted(authorization.key());
            if (presentity.isPresent()) {
                presentities.restore(shared.of(authorization.key()), presentity.get(),
                        authorization.state() == AuthorizationState.AUTHORIZED);
                subscribed++;
            }
        }
        for (SipSubscriptionDialog dialog : restored.dialogs()) {
            if (dialog.role() != DialogRole.NOTIFIER) {
                continue;
            }
            if (permitted(dialog.authorizationKey()).isPresent()) {
                watchers.resume(dialog);
                resumed++;
            } else {
                state.apply(StateChange.remove(dialog.id()));
            }
        }
        restored.expiredSubscriberDialogs().forEach(dialog -> state.apply(StateChange.remove(dialog.id())));
        restored.expiredNotifierDialogs().forEach(dialog -> state.apply(StateChange.remove(dialog.id())));
        for (PresenceAuthorization authorization : restored.authorizationsToProbe()) {
            if (policy.refusal(authorization.key().xmppContact().domain()).isEmpty()) {
                watchers.probe(authorization.key());
                probed++;
            }
        }
        LOG.info("presence restored: {} SIP subscription(s) refreshed in their dialogs, {} sent again, {} SIP"
                + " watcher(s) resumed, {} XMPP contact(s) probed", refreshed, subscribed, resumed, probed);
    }

    /** The SIP user's JID of a stored authorization whose contact's domain the allow list still permits. */
    private Optional<XmppAddress> permitted(AuthorizationKey key) {
        MappingResult<XmppAddress> user = addresses.toXmpp(key.sipUser(), Party.LOCAL_SIP_USER);
        if (!user.isMapped() || policy.refusal(key.xmppContact().domain()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(user.orElseThrow());
    }

    /** XMPP users watching SIP users see them unavailable (issue 6 item 4). */
    @Override
    public void edgeLost() {
        presentities.edgeLost();
    }

    /** The subscriptions toward the edge are made again, bringing current presence. */
    @Override
    public void edgeRestored() {
        presentities.edgeRestored();
    }

    /**
     * The s2s route to XMPP domain {@code domain} was lost or is back (on an s2s event loop; hands the work to the
     * route workers): SIP watchers of its contacts see them offline, then their presence again.
     */
    public void xmppRouteChanged(String domain, RouteState state) {
        domainLinks.ifPresent(links -> links.routeChanged(domain, state));
    }

    /** One of the gateway's own subscriptions changed (on a SIP worker). */
    public void onSubscription(SubscriptionEvent event) {
        metrics.event(event);
        presentities.event(event);
    }

    /** A subscription to the gateway changed (on a SIP worker). */
    public void onWatcher(WatcherEvent event) {
        watchers.event(metrics.watcher(event));
    }
}
