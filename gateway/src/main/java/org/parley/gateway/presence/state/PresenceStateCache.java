package org.parley.gateway.presence.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.parley.mapper.address.XmppAddress;

/**
 * The presence state the routes look up, in memory, loaded once at start-up and kept current by
 * {@link PresenceState#apply}, so that routes answer every lookup without a database round trip (issue 6,
 * "Scale"): the authorizations of SIP users to see XMPP contacts ({@link AuthorizationDirection#SIP_TO_XMPP}, which
 * decide a SIP watcher's SUBSCRIBE and which contacts to probe), and the last known presence of each resource by
 * bare JID.
 *
 * <p>Not held here, since nothing looks them up and a gateway has 100,000s of them: SIP subscription dialogs (the
 * SIP module holds each live dialog, RFC 6665 §4.1.2, §4.2, and reports every change) and the authorizations of
 * XMPP contacts to see SIP users ({@link AuthorizationDirection#XMPP_TO_SIP}: each is held with its subscription by
 * the route that made it). Changes to those go to the store only; everything stored is read back once, at
 * start-up ({@link RestoredState}).
 *
 * <p>Thread-safe: lookups share a read lock, changes take the write lock; nothing blocks on I/O, so any thread
 * may read, including Netty event loops and JAIN-SIP threads. Lookups return immutable snapshots.
 */
public final class PresenceStateCache {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<AuthorizationKey, PresenceAuthorization> authorizations = new HashMap<>();
    private final Map<XmppAddress, List<LastPresence>> presenceByJid = new HashMap<>();

    PresenceStateCache() {
    }

    /** A cache holding the authorizations and last known presence {@code restored} holds. */
    static PresenceStateCache of(RestoredState restored) {
        PresenceStateCache cache = new PresenceStateCache();
        restored.authorizations().forEach(a -> cache.apply(StateChange.put(a)));
        restored.lastPresence().forEach(p -> cache.apply(StateChange.put(p)));
        return cache;
    }

    /**
     * Puts or removes the authorization or presence {@code change} is about; a change to a dialog or to an
     * XMPP-to-SIP authorization is the store's only.
     */
    void apply(StateChange change) {
        Objects.requireNonNull(change, "change");
        if (!held(change.key())) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (change instanceof StateChange.PutAuthorization put) {
                putAuthorization(put.authorization());
            } else if (change instanceof StateChange.PutPresence put) {
                putPresence(put.presence());
            } else {
                remove(change.key());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean held(StateKey key) {
        return key instanceof PresenceKey
                || key instanceof AuthorizationKey authorization
                && authorization.direction() == AuthorizationDirection.SIP_TO_XMPP;
    }

    /** Keeps the key object of the authorization replaced, which the routes' own state shares. */
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
        } else if (key instanceof PresenceKey presenceKey) {
            removePresence(presenceKey.from());
        }
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

    /** The SIP-to-XMPP authorization under {@code key}; empty means "none" (and always for XMPP-to-SIP keys). */
    public Optional<PresenceAuthorization> authorization(AuthorizationKey key) {
        return read(() -> Optional.ofNullable(authorizations.get(key)));
    }

    /** Every SIP-to-XMPP authorization with XMPP contacts at {@code domain}. */
    public List<PresenceAuthorization> authorizationsWithContactDomain(String domain) {
        return read(() -> authorizations.values().stream()
                .filter(a -> a.key().xmppContact().domain().equals(domain)).toList());
    }

    /** The last known presence of every resource of {@code jid} (bare), e.g. to answer a probe. */
    public List<LastPresence> lastPresence(XmppAddress jid) {
        return read(() -> presenceByJid.getOrDefault(jid.bare(), List.of()));
    }

    /** How many SIP-to-XMPP authorizations and resources with a last known presence are held. */
    public Counts counts() {
        return read(() -> new Counts(authorizations.size(),
                presenceByJid.values().stream().mapToInt(List::size).sum()));
    }

    /** Sizes of the cache, e.g. for metrics. */
    public record Counts(int authorizations, int resources) {
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
