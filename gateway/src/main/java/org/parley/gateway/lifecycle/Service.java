package org.parley.gateway.lifecycle;

import java.util.List;

/**
 * A part of the gateway that is started once and stopped once by a {@link Lifecycle}.
 *
 * <p>{@link #start()} returns when the service is ready (for a listener: bound); a listener that cannot bind
 * throws {@link BindFailure}. {@link #stop()} releases everything the service holds; it is called at most once,
 * only after a successful {@link #start()}, and may be abandoned by the lifecycle when it exceeds the stop
 * deadline (it is then interrupted).
 */
public interface Service {

    /** Short name used in logs and messages, unique within a lifecycle, e.g. {@code "admin"}. */
    String name();

    /** Starts the service; returns once it is ready. */
    void start() throws Exception;

    /** Stops the service and releases its resources. */
    void stop() throws Exception;

    /** What the service listens on once started (empty if it does not listen). */
    default List<BoundEndpoint> endpoints() {
        return List.of();
    }
}
