package org.parley.gateway.assembly;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.LastPresence;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.PresenceState;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.route.presence.PresenceLookups;
import org.parley.gateway.route.presence.StateChanges;

/**
 * The presence routes' view of the store's {@link PresenceState}, which exists only while the store runs: changes
 * fail and lookups find nothing while it does not.
 */
final class LivePresenceState implements StateChanges, PresenceLookups {

    private final Supplier<Optional<PresenceState>> state;

    LivePresenceState(Supplier<Optional<PresenceState>> state) {
        this.state = state;
    }

    @Override
    public CompletionStage<Void> apply(StateChange change) {
        return state.get().map(s -> s.apply(change)).orElseGet(() ->
                CompletableFuture.failedFuture(new IllegalStateException("the store is not running")));
    }

    @Override
    public Optional<PresenceAuthorization> authorization(AuthorizationKey key) {
        return state.get().flatMap(s -> s.cache().authorization(key));
    }

    /** The stored authorizations whose XMPP contact is at {@code domain}; none while the store is not running. */
    List<PresenceAuthorization> authorizationsAt(String domain) {
        return state.get().map(s -> s.cache().authorizationsWithContactDomain(domain)).orElse(List.of());
    }

    @Override
    public List<LastPresence> lastPresence(org.parley.mapper.address.XmppAddress jid) {
        return state.get().map(s -> s.cache().lastPresence(jid)).orElse(List.of());
    }
}
