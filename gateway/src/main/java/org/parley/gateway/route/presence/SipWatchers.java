package org.parley.gateway.route.presence;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.DialogId;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.LastPresence;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.RoutePolicy;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.PresenceType;
import org.parley.mapper.presence.SubscriptionMapper;
import org.parley.mapper.presence.XmppPresence;
import org.parley.mapper.presence.XmppToMsCategories;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipNotifier;
import org.parley.sip.SipWatcherRegistry;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherEvent;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;
import org.parley.xmpp.s2s.XmppOutbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local SIP users watching remote XMPP users (RFC 8048 §5.3, §6.2), the gateway as notifier:
 * <ul>
 *   <li>SUBSCRIBE from the edge → refused 406 when its Accept allows no body the gateway writes; otherwise the
 *       NOTIFY body is chosen from it ({@link WatcherBodies#negotiated}: PIDF, or Microsoft enhanced presence for
 *       a watcher that accepts only that) and stored with the dialog; accepted at once: {@code active} with the
 *       last known presence when the authorization is already granted (and a {@code probe} to refresh it), else
 *       {@code pending}, the authorization recorded pending and an XMPP {@code subscribe} sent to the
 *       contact.</li>
 *   <li>XMPP {@code subscribed} → authorization recorded; once durable, NOTIFY {@code active} with the last known
 *       presence to that user's watchers, and a {@code probe}.</li>
 *   <li>The watcher's dialog is stored (a {@link DialogRole#NOTIFIER} row) when it is accepted and after each
 *       refresh, and removed when the subscription ends; never per NOTIFY. After a restart, {@link #resume} takes
 *       each stored dialog back: the watcher's refreshes are answered again, and it is notified in the old
 *       dialog at once (the last known presence) and again when the probe brings current presence.</li>
 *   <li>XMPP {@code unsubscribed} → authorization recorded rejected, NOTIFY
 *       {@code terminated;reason=rejected}.</li>
 *   <li>XMPP available/unavailable → the last presence of the resource recorded (in memory at once, in the store
 *       in the background), then a full-state NOTIFY (PIDF or enhanced presence, as each watcher
 *       negotiated) to the addressee's active watchers of that user.</li>
 * </ul>
 * Thread-safe: stanzas arrive on route workers, watcher events on SIP workers.
 */
public final class SipWatchers {

    private static final Logger LOG = LoggerFactory.getLogger(SipWatchers.class);

    private final AddressMapper addresses;
    private final SubscriptionMapper mapper;
    private final WatcherBodies bodies;
    private final RoutePolicy policy;
    private final StateChanges state;
    private final PresenceLookups lookups;
    private final PresenceOut xmpp;
    private final Clock clock;
    private final Duration maxExpires;
    private final SipWatcherRegistry registry;
    private final StoredDialogs dialogs;
    private final Map<WatcherId, Watcher> byId = new HashMap<>();
    private final Map<AuthorizationKey, List<Watcher>> byKey = new HashMap<>();

    /** One SIP user's subscription to one XMPP contact; {@code active} guarded by the enclosing instance. */
    private static final class Watcher {
        final WatcherId id;
        final AuthorizationKey key;
        final SipNotifier notifier;
        final NotifyBodyType body;
        boolean active;

        Watcher(WatcherId id, AuthorizationKey key, SipNotifier notifier, NotifyBodyType body) {
            this.id = id;
            this.key = key;
            this.notifier = notifier;
            this.body = body;
        }
    }

    /**
     * @param maxExpires the longest subscription the gateway grants (the watcher may ask for less)
     * @param registry   where stored watchers are taken back after a restart
     */
    public SipWatchers(AddressMapper addresses, SubscriptionMapper mapper, XmppToPidf toPidf, RoutePolicy policy, StateChanges state,
                       PresenceLookups lookups, XmppOutbound xmpp, Clock clock,
                       Duration maxExpires, SipWatcherRegistry registry) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.state = Objects.requireNonNull(state, "state");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.bodies = new WatcherBodies(toPidf, new XmppToMsCategories(addresses), lookups);
        this.xmpp = new PresenceOut(xmpp);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxExpires = Objects.requireNonNull(maxExpires, "maxExpires");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.dialogs = new StoredDialogs(state, clock);
    }

    /** A change of a subscription to the gateway, from the SIP module. */
    public synchronized void event(WatcherEvent event) {
        if (event instanceof WatcherEvent.Subscribed subscribed) {
            subscribed(subscribed);
        } else if (event instanceof WatcherEvent.Established established) {
            store(byId.get(established.id()), established.dialog(), established.expires());
        } else if (event instanceof WatcherEvent.Refreshed refreshed) {
            refreshed.dialog().ifPresent(dialog -> store(byId.get(refreshed.id()), dialog, refreshed.expires()));
        } else if (event instanceof WatcherEvent.Ended ended) {
            drop(byId.get(ended.id()));
            LOG.debug("watcher {} ended: {} {}", ended.id().callId(), ended.reason(), ended.detail());
        }
    }

    /**
     * Takes back a watcher's dialog stored before a restart (issue 6 item 3): one that has expired is deleted
     * (RFC 6665 §4.2.2); otherwise its refreshes are answered again and it is notified in the old dialog — the
     * last known presence when authorized (the probe sent at restart brings the current one), {@code pending}
     * while the contact has not answered, {@code terminated;reason=rejected} when refused.
     */
    public synchronized void resume(SipSubscriptionDialog row) {
        Duration remaining = dialogs.remaining(row);
        AuthorizationKey key = row.authorizationKey();
        Optional<SipDialogSnapshot> dialog = StoredDialogs.snapshot(row, contactUri(key.xmppContact()),
                key.sipUser().toUri());
        Optional<SipNotifier> notifier = dialog.flatMap(d -> registry.resume(d, row.eventPackage(), remaining,
                maxExpires));
        if (notifier.isEmpty()) {
            LOG.debug("stored watcher dialog {} not resumed (expired or incomplete)", row.id());
            dialogs.forget(row.id());
            return;
        }
        Watcher watcher = new Watcher(notifier.get().id(), key, notifier.get(), row.notifyBody());
        remove(byId.put(watcher.id, watcher));
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(watcher);
        // later NOTIFYs of this run use CSeqs above the resumed one: store it, so that a second restart goes higher
        store(watcher, dialog.get().resumed(), remaining);
        AuthorizationState authorization = lookups.authorization(key).map(PresenceAuthorization::state)
                .orElse(AuthorizationState.PENDING);
        switch (authorization) {
            case AUTHORIZED -> {
                watcher.active = true;
                watcher.notifier.notify(WatcherState.ACTIVE,
                        Optional.of(bodies.body(key.xmppContact(), watcher.body)));
            }
            case REJECTED -> {
                watcher.notifier.terminate(TerminationReason.REJECTED);
                drop(watcher);
            }
            default -> watcher.notifier.notify(WatcherState.PENDING, Optional.empty());
        }
    }

    /** Stores the dialog of a watcher still held (a late event for one that ended is ignored). */
    private void store(Watcher watcher, SipDialogSnapshot dialog, Duration expires) {
        if (watcher == null) {
            return;
        }
        dialogs.put(DialogRole.NOTIFIER, watcher.key, dialog, watcher.active, expires, watcher.body);
    }

    /** Forgets a watcher and its stored dialog. */
    private void drop(Watcher watcher) {
        if (watcher != null) {
            remove(watcher);
            dialogs.forget(new DialogId(watcher.id.callId(), watcher.id.localTag()));
        }
    }

    private String contactUri(XmppAddress contact) {
        MappingResult<SipAddress> uri = addresses.toSip(contact, Party.REMOTE_XMPP_USER);
        return uri.isMapped() ? uri.orElseThrow().toUri() : "sip:" + contact.bare();
    }

    private void subscribed(WatcherEvent.Subscribed subscribed) {
        SipNotifier notifier = subscribed.notifier();
        MappingResult<XmppPresence> mapped = SipAddress.parse(subscribed.request().from()).flatMap(user ->
                SipAddress.parse(subscribed.request().requestUri()).flatMap(contact ->
                        mapper.toXmpp(user, contact, PresenceType.SUBSCRIBE)));
        Optional<Rejection> refusal = mapped instanceof MappingResult.Rejected<XmppPresence> rejected
                ? Optional.of(rejected.rejection())
                : policy.refusal(mapped.orElseThrow().to().domain());
        if (refusal.isPresent()) {
            LOG.info("SUBSCRIBE from {} to {} refused: {}", subscribed.request().from(),
                    subscribed.request().requestUri(), refusal.get().reason());
            notifier.reject(refusal.get().sipStatus());
            return;
        }
        Optional<NotifyBodyType> body = WatcherBodies.negotiated(subscribed.request());
        if (body.isEmpty()) {
            LOG.info("SUBSCRIBE from {} to {} refused 406: no acceptable body in {}", subscribed.request().from(),
                    subscribed.request().requestUri(), WatcherBodies.accept(subscribed.request()));
            notifier.reject(406);
            return;
        }
        XmppPresence subscribe = mapped.orElseThrow();
        AuthorizationKey key = key(subscribe);
        Watcher watcher = new Watcher(subscribed.id(), key, notifier, body.get());
        remove(byId.put(subscribed.id(), watcher));
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(watcher);
        Duration expires = subscribed.requested().compareTo(maxExpires) < 0 ? subscribed.requested() : maxExpires;
        boolean authorized = lookups.authorization(key)
                .map(a -> a.state() == AuthorizationState.AUTHORIZED).orElse(false);
        if (authorized) {
            watcher.active = true;
            notifier.accept(expires, WatcherState.ACTIVE, Optional.of(bodies.body(key.xmppContact(), body.get())));
            xmpp.send(XmppPresence.of(PresenceType.PROBE, subscribe.from(), subscribe.to()));
            return;
        }
        notifier.accept(expires, WatcherState.PENDING, Optional.empty());
        state.apply(StateChange.put(PresenceAuthorization.of(key, AuthorizationState.PENDING, clock.instant())));
        xmpp.send(subscribe);
    }

    /** XMPP {@code subscribed} from the contact to the SIP user: authorize, then activate the watchers. */
    public void subscribed(XmppPresence answer) {
        AuthorizationKey key = key(answer);
        state.apply(StateChange.put(PresenceAuthorization.of(key, AuthorizationState.AUTHORIZED, clock.instant())))
                .whenComplete((ok, failed) -> {
                    if (failed != null) {
                        LOG.warn("authorization {} not recorded; watchers stay pending: {}", key, failed.toString());
                        return;
                    }
                    if (activate(key)) {
                        xmpp.send(XmppPresence.of(PresenceType.PROBE, answer.to().bare(), answer.from().bare()));
                    }
                });
    }

    private synchronized boolean activate(AuthorizationKey key) {
        List<Watcher> watchers = watchersFor(key);
        Function<NotifyBodyType, SipBody> body = bodies.of(key.xmppContact());
        for (Watcher watcher : watchers) {
            watcher.active = true;
            watcher.notifier.notify(WatcherState.ACTIVE, Optional.of(body.apply(watcher.body)));
        }
        return !watchers.isEmpty();
    }

    /** XMPP {@code unsubscribed} from the contact to the SIP user: the authorization is refused or withdrawn. */
    public synchronized void unsubscribed(XmppPresence answer) {
        AuthorizationKey key = key(answer);
        state.apply(StateChange.put(PresenceAuthorization.of(key, AuthorizationState.REJECTED, clock.instant())));
        for (Watcher watcher : watchersFor(key)) {
            watcher.notifier.terminate(TerminationReason.REJECTED);
            drop(watcher);
        }
    }

    /** Available or unavailable presence from a resource of the contact to the SIP user. */
    public synchronized void presence(XmppPresence notification) {
        state.apply(StateChange.put(LastPresence.of(notification, clock.instant())));
        AuthorizationKey key = key(notification);
        List<Watcher> active = watchersFor(key).stream().filter(w -> w.active).toList();
        if (active.isEmpty()) {
            return;
        }
        Function<NotifyBodyType, SipBody> body = bodies.of(key.xmppContact());
        active.forEach(watcher -> watcher.notifier.notify(WatcherState.ACTIVE,
                Optional.of(body.apply(watcher.body))));
    }

    /**
     * Asks the contact of a stored authorization for current presence after a restart (RFC 6121 §4.3), so that
     * SIP watchers, once they subscribe again, see what is true now.
     */
    public void probe(AuthorizationKey key) {
        MappingResult<XmppAddress> user = addresses.toXmpp(key.sipUser(), Party.LOCAL_SIP_USER);
        if (user instanceof MappingResult.Rejected<XmppAddress> rejected) {
            LOG.info("stored authorization {} not probed: {}", key, rejected.rejection().reason());
            return;
        }
        xmpp.send(XmppPresence.of(PresenceType.PROBE, user.orElseThrow(), key.xmppContact()));
    }

    /**
     * The s2s route to {@code domain} is lost (issue 6 item 4): the last presence of every available resource of a
     * watched contact there is recorded unavailable, and each active watcher of such a contact gets a NOTIFY with
     * the resulting closed PIDF (RFC 8048 §6.2). Authorizations are kept. Returns the number of watchers notified.
     */
    public synchronized int contactsLost(String domain) {
        Set<XmppAddress> contacts = new LinkedHashSet<>();
        byKey.keySet().stream().filter(key -> key.xmppContact().domain().equalsIgnoreCase(domain))
                .forEach(key -> contacts.add(key.xmppContact()));
        int notified = 0;
        for (XmppAddress contact : contacts) {
            lookups.lastPresence(contact).stream().filter(LastPresence::available).forEach(last -> state.apply(
                    StateChange.put(LastPresence.of(XmppPresence.of(PresenceType.UNAVAILABLE, last.from(), contact),
                            clock.instant()))));
        }
        for (Map.Entry<AuthorizationKey, List<Watcher>> entry : byKey.entrySet()) {
            if (!contacts.contains(entry.getKey().xmppContact())) {
                continue;
            }
            Function<NotifyBodyType, SipBody> body = bodies.of(entry.getKey().xmppContact());
            for (Watcher watcher : entry.getValue()) {
                if (watcher.active) {
                    watcher.notifier.notify(WatcherState.ACTIVE, Optional.of(body.apply(watcher.body)));
                    notified++;
                }
            }
        }
        return notified;
    }

    /** How many active watchers watch contacts at {@code domain}. */
    public synchronized int watchersAt(String domain) {
        return (int) byKey.entrySet().stream()
                .filter(entry -> entry.getKey().xmppContact().domain().equalsIgnoreCase(domain))
                .flatMap(entry -> entry.getValue().stream()).filter(watcher -> watcher.active).count();
    }

    private List<Watcher> watchersFor(AuthorizationKey key) {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }

    private void remove(Watcher watcher) {
        if (watcher == null) {
            return;
        }
        byId.remove(watcher.id, watcher);
        List<Watcher> same = byKey.get(watcher.key);
        if (same != null && same.remove(watcher) && same.isEmpty()) {
            byKey.remove(watcher.key);
        }
    }

    /**
     * The SIP_TO_XMPP authorization a stanza between the contact and the SIP user's JID is about.
     *
     * @throws IllegalArgumentException when the SIP user's JID is not a local SIP user's (the route checked it)
     */
    private AuthorizationKey key(XmppPresence stanza) {
        boolean fromContact = stanza.type() != PresenceType.SUBSCRIBE;
        XmppAddress contact = (fromContact ? stanza.from() : stanza.to()).bare();
        XmppAddress user = (fromContact ? stanza.to() : stanza.from()).bare();
        MappingResult<SipAddress> sipUser = addresses.toSip(user, Party.LOCAL_SIP_USER);
        if (sipUser instanceof MappingResult.Rejected<SipAddress> rejected) {
            throw new IllegalArgumentException(user + " is not a local SIP user: " + rejected.rejection().reason());
        }
        return new AuthorizationKey(sipUser.orElseThrow(), contact, AuthorizationDirection.SIP_TO_XMPP);
    }
}
