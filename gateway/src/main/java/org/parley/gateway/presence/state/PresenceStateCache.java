package org.parley.gateway.presence.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parley.mapper.address.XmppAddress;

/**
 * The whole presence state in memory, loaded once at start-up and kept current by
 * {@link PresenceState#apply}, so that routes answer every lookup without a database round trip (issue 6,
 * "Scale"). Holds the immutable records themselves plus three indexes: dialogs by authorization (pair and
 * direction), dialogs by expiry, and last known presence by bare JID.
 *
 * <p>Thread-safe: lookups share a read lock, changes take the write lock; nothing blocks on I/O, so any thread
 * may read, including Netty event loops and JAIN-SIP threads. Lookups return immutable snapshots.
 */
public final class PresenceStateCache {

    /** Expiry order; ties broken by Call-ID and tag, so that distinct dialogs never compare equal. */
    private static final Comparator<SipSubscriptionDialog> BY_EXPIRY =
            Comparator.comparing(SipSubscriptionDialog::expiresAt)
                    .thenComparing(d -> d.id().callId())
                    .thenComparing(d -> d.id().localTag());

    /** Distinct route sets kept for sharing; past this many the table starts afresh (sharing is only a saving). */
    private static final int MAX_SHARED_ROUTE_SETS = 64;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<AuthorizationKey, PresenceAuthorization> authorizations = new HashMap<>();
    private final Map<DialogId, SipSubscriptionDialog> dialogs = new HashMap<>();
    private final Map<AuthorizationKey, List<SipSubscriptionDialog>> dialogsByAuthorization = new HashMap<>();
    private final NavigableSet<SipSubscriptionDialog> expiries = new TreeSet<>(BY_EXPIRY);
    private final Map<XmppAddress, List<LastPresence>> presenceByJid = new HashMap<>();
    private final Map<List<String>, List<String>> routeSets = new HashMap<>();

    PresenceStateCache() {
    }

    /**
     * A cache holding what {@code restored} holds, expired dialogs excepted (the caller re-creates or removes
     * those through {@link PresenceState#apply}).
     */
    static PresenceStateCache of(RestoredState restored) {
        PresenceStateCache cache = new PresenceStateCache();
        restored.authorizations().forEach(a -> cache.apply(StateChange.put(a)));
        restored.dialogs().forEach(d -> cache.apply(StateChange.put(d)));
        restored.lastPresence().forEach(p -> cache.apply(StateChange.put(p)));
        return cache;
    }

    /** Puts or removes the item {@code change} is about. */
    void apply(StateChange change) {
        Objects.requireNonNull(change, "change");
        lock.writeLock().lock();
        try {
            if (change instanceof StateChange.PutAuthorization put) {
                putAuthorization(put.authorization());
            } else if (change instanceof StateChange.PutDialog put) {
                removeDialog(put.key());
                addDialog(put.dialog());
            } else if (change instanceof StateChange.PutPresence put) {
                putPresence(put.presence());
            } else {
                remove(change.key());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Keeps the key object of the authorization replaced, which the dialog index shares. */
    private void putAuthorization(PresenceAuthorization authorization) {
        PresenceAuthorization old = authorizations.get(authorization.key());
        PresenceAuthorization kept = old == null || old.key() == authorization.key() ? authorization
                : new PresenceAuthorization(old.key(), authorization.state(), authorization.createdAt(),
                        authorization.updatedAt());
        authorizations.put(kept.key(), kept);
    }

    private void remove(StateKey key) {
        if (key instanceof AuthorizationKey authorizationKey) {
            authorizations.remove(authorizationKey);
        } else if (key instanceof DialogId id) {
            removeDialog(id);
        } else if (key instanceof PresenceKey presenceKey) {
            removePresence(presenceKey.from());
        }
    }

    private void addDialog(SipSubscriptionDialog given) {
        AuthorizationKey key = sharedKey(given.authorizationKey());
        SipSubscriptionDialog dialog = sharingFields(given, key);
        dialogs.put(dialog.id(), dialog);
        dialogsByAuthorization.merge(key, List.of(dialog), PresenceStateCache::concat);
        expiries.add(dialog);
    }

    /** The key object the authorization under {@code key} holds, if any, else {@code key}. */
    private AuthorizationKey sharedKey(AuthorizationKey key) {
        PresenceAuthorization authorization = authorizations.get(key);
        return authorization == null ? key : authorization.key();
    }

    /**
     * {@code dialog} holding the address objects of {@code key} and a route set equal dialogs already hold, so
     * that equal values are held once (a dialog read from the store has its own copies of each).
     */
    private SipSubscriptionDialog sharingFields(SipSubscriptionDialog dialog, AuthorizationKey key) {
        List<String> routes = dialog.routeSet();
        if (!routeSets.containsKey(routes) && routeSets.size() >= MAX_SHARED_ROUTE_SETS) {
            routeSets.clear();
        }
        List<String> sharedRoutes = routeSets.computeIfAbsent(routes, r -> r);
        if (sharedRoutes == routes && key.sipUser() == dialog.sipUser() && key.xmppContact() == dialog.xmppContact()) {
            return dialog;
        }
        return new SipSubscriptionDialog(dialog.id(), dialog.remoteTag(), dialog.role(), key.sipUser(),
                key.xmppContact(), dialog.eventPackage(), dialog.state(), dialog.remoteTarget(), sharedRoutes,
                dialog.localCseq(), dialog.expiresAt(), dialog.notifyBody());
    }

    private void removeDialog(DialogId id) {
        SipSubscriptionDialog old = dialogs.remove(id);
        if (old == null) {
            return;
        }
        expiries.remove(old);
        dialogsByAuthorization.computeIfPresent(old.authorizationKey(), (key, list) -> without(list, d -> d == old));
    }

    private void putPresence(LastPresence presence) {
        XmppAddress jid = presence.from().bare();
        presenceByJid.merge(jid, List.of(presence), (old, added) ->
                concat(without(old, p -> p.from().equals(presence.from())), added));
    }

    private void removePresence(XmppAddress from) {
        presenceByJid.computeIfPresent(from.bare(), (jid, list) -> without(list, p -> p.from().equals(from)));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        if (first == null || first.isEmpty()) {
            return second;
        }
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** {@code list} without the elements {@code gone} matches; {@code null} (no mapping) when nothing is left. */
    private static <T> List<T> without(List<T> list, Predicate<T> gone) {
        List<T> kept = list.stream().filter(gone.negate()).toList();
        return kept.isEmpty() ? null : kept.size() == list.size() ? list : kept;
    }

    /** The authorization under {@code key}; empty means "none". */
    public Optional<PresenceAuthorization> authorization(AuthorizationKey key) {
        return read(() -> Optional.ofNullable(authorizations.get(key)));
    }

    /** The dialog with {@code id}, e.g. for a NOTIFY or a refreshing SUBSCRIBE that arrived in it. */
    public Optional<SipSubscriptionDialog> dialog(DialogId id) {
        return read(() -> Optional.ofNullable(dialogs.get(id)));
    }

    /**
     * The dialogs carrying presence for {@code key}: {@link DialogRole#SUBSCRIBER} dialogs for
     * {@link AuthorizationDirection#XMPP_TO_SIP}, {@link DialogRole#NOTIFIER} dialogs for the other direction.
     */
    public List<SipSubscriptionDialog> dialogsFor(AuthorizationKey key) {
        return read(() -> dialogsByAuthorization.getOrDefault(key, List.of()));
    }

    /** Dialogs that expire at or before {@code instant}, soonest first: the ones to refresh or to drop. */
    public List<SipSubscriptionDialog> dialogsExpiringBy(Instant instant) {
        return read(() -> {
            List<SipSubscriptionDialog> due = new ArrayList<>();
            for (SipSubscriptionDialog dialog : expiries) {
                if (dialog.expiresAt().isAfter(instant)) {
                    break;
                }
                due.add(dialog);
            }
            return List.copyOf(due);
        });
    }

    /** Dialogs with XMPP contacts at {@code domain}: those affected when the s2s route to it is lost. */
    public List<SipSubscriptionDialog> dialogsWithContactDomain(String domain) {
        return read(() -> dialogs.values().stream().filter(d -> d.xmppContact().domain().equals(domain)).toList());
    }

    /** Every dialog of {@code role}: those affected when the edge link is lost. */
    public List<SipSubscriptionDialog> dialogs(DialogRole role) {
        return read(() -> dialogs.values().stream().filter(d -> d.role() == role).toList());
    }

    /** Every authorization with XMPP contacts at {@code domain}. */
    public List<PresenceAuthorization> authorizationsWithContactDomain(String domain) {
        return read(() -> authorizations.values().stream()
                .filter(a -> a.key().xmppContact().domain().equals(domain)).toList());
    }

    /** The last known presence of every resource of {@code jid} (bare), e.g. to answer a probe. */
    public List<LastPresence> lastPresence(XmppAddress jid) {
        return read(() -> presenceByJid.getOrDefault(jid.bare(), List.of()));
    }

    /** How many authorizations, dialogs and resources with a last known presence are held. */
    public Counts counts() {
        return read(() -> new Counts(authorizations.size(), dialogs.size(),
                presenceByJid.values().stream().mapToInt(List::size).sum()));
    }

    /** Sizes of the cache, e.g. for metrics. */
    public record Counts(int authorizations, int dialogs, int resources) {
    }

    private <T> T read(Supplier<T> lookup) {
        lock.readLock().lock();
        try {
            return lookup.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
