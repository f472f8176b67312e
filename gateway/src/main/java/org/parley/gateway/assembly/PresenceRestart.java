package org.parley.gateway.assembly;

import java.util.Optional;
import java.util.function.Supplier;
import org.parley.gateway.lifecycle.Service;
import org.parley.gateway.presence.state.PresenceState;
import org.parley.gateway.route.presence.PresenceRoute;

/**
 * Re-establishes presence once the store, both federation legs and the route workers run (issue 6 item 3): hands
 * what the store held at start-up to {@link PresenceRoute#restore}. Sends asynchronously; stopping has nothing
 * to release.
 */
final class PresenceRestart implements Service {

    private final Supplier<Optional<PresenceState>> state;
    private final PresenceRoute route;

    PresenceRestart(Supplier<Optional<PresenceState>> state, PresenceRoute route) {
        this.state = state;
        this.route = route;
    }

    @Override
    public String name() {
        return "presence";
    }

    @Override
    public void start() {
        state.get().ifPresent(current -> route.restore(current.takeRestored()));
    }

    @Override
    public void stop() {
        // the subscriptions end with the SIP leg; the state is closed by the store
    }
}
