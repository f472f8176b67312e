package org.parley.gateway.route.presence;

import java.util.concurrent.CompletionStage;
import org.parley.gateway.presence.state.StateChange;

/**
 * Where the presence routes record authorization changes: {@link org.parley.gateway.presence.state.PresenceState#apply}
 * in the gateway, a fake in tests.
 */
@FunctionalInterface
public interface StateChanges {

    /** Records {@code change}; the stage completes once it is durable and fails if it cannot be. */
    CompletionStage<Void> apply(StateChange change);
}
