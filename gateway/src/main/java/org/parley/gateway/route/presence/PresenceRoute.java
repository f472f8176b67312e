package org.parley.gateway.route.presence;

import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.StanzaErrors;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.WatcherEvent;
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
public final class PresenceRoute {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceRoute.class);

    private final AddressMapper addresses;
    private final RoutePolicy policy;
    private final SipPresentities presentities;
    private final SipWatchers watchers;
    private final XmppOutbound xmpp;

    public PresenceRoute(AddressMapper addresses, RoutePolicy policy, SipPresentities presentities,
                         SipWatchers watchers, XmppOutbound xmpp) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.presentities = Objects.requireNonNull(presentities, "presentities");
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
    }

    /** A presence stanza from a remote XMPP user (on a route worker). */
    public void received(Stanza stanza) {
        if (stanza.isError()) {
            LOG.debug("presence error from {} to {} not routed", stanza.from(), stanza.to());
            return;
        }
        MappingResult<XmppPresence> read = PresenceStanzas.read(stanza);
        if (read instanceof MappingResult.Rejected<XmppPresence> rejected) {
            refuse(stanza, rejected.rejection());
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

    /** One of the gateway's own subscriptions changed (on a SIP worker). */
    public void onSubscription(SubscriptionEvent event) {
        presentities.event(event);
    }

    /** A subscription to the gateway changed (on a SIP worker). */
    public void onWatcher(WatcherEvent event) {
        watchers.event(event);
    }
}
