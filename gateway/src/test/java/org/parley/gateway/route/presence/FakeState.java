package org.parley.gateway.route.presence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.LastPresence;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.StateChange;
import org.parley.mapper.address.XmppAddress;

/**
 * The presence state for route tests: applies changes to maps at once, like the cache, and completes their stages
 * only when the test says they are durable ({@link #makeDurable}) unless {@code durableAtOnce}.
 */
final class FakeState implements StateChanges, PresenceLookups {

    final List<StateChange> changes = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private final Map<AuthorizationKey, PresenceAuthorization> authorizations = new HashMap<>();
    private final Map<XmppAddress, LastPresence> presence = new HashMap<>();
    private final boolean durableAtOnce;

    FakeState(boolean durableAtOnce) {
        this.durableAtOnce = durableAtOnce;
    }

    @Override
    public synchronized CompletionStage<Void> apply(StateChange change) {
        changes.add(change);
        if (change instanceof StateChange.PutAuthorization put) {
            authorizations.put(put.authorization().key(), put.authorization());
        } else if (change instanceof StateChange.PutPresence put) {
            presence.put(put.presence().from(), put.presence());
        } else if (change instanceof StateChange.Remove remove) {
            authorizations.remove(remove.key());
        }
        CompletableFuture<Void> stage = new CompletableFuture<>();
        if (durableAtOnce) {
            stage.complete(null);
        } else {
            waiting.add(stage);
        }
        return stage;
    }

    /** Completes every stage handed out so far. */
    void makeDurable() {
        List<CompletableFuture<Void>> due;
        synchronized (this) {
            due = List.copyOf(waiting);
            waiting.clear();
        }
        due.forEach(stage -> stage.complete(null));
    }

    @Override
    public synchronized Optional<PresenceAuthorization> authorization(AuthorizationKey key) {
        return Optional.ofNullable(authorizations.get(key));
    }

    @Override
    public synchronized List<LastPresence> lastPresence(XmppAddress jid) {
        return presence.values().stream().filter(p -> p.from().bare().equals(jid.bare())).toList();
    }
}
