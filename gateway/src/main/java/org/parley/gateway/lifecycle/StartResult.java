package org.parley.gateway.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link Lifecycle#start()}. */
public sealed interface StartResult permits StartResult.Started, StartResult.Failed, StartResult.Cancelled {

    /** Every service started; {@code endpoints} is what they listen on, in start order. */
    record Started(List<BoundEndpoint> endpoints) implements StartResult {
        public Started {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * A service failed to start; the services started before it were stopped again in reverse order.
     *
     * @param service  the name of the service that failed
     * @param cause    what its {@link Service#start()} threw
     * @param rollback how stopping the services already started went
     */
    record Failed(String service, Exception cause, StopReport rollback) implements StartResult {
        public Failed {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(rollback, "rollback");
        }

        /** The failure as a binding problem, if it was one (to re-describe it with the actual config file). */
        public Optional<BindFailure> bindFailure() {
            return cause instanceof BindFailure failure ? Optional.of(failure) : Optional.empty();
        }

        /** One line for the administrator; a {@link BindFailure} speaks for itself. */
        public String message() {
            return describe(service, cause);
        }

        static String describe(String service, Exception cause) {
            if (cause instanceof BindFailure) {
                return cause.getMessage();
            }
            String text = cause.getMessage();
            return "cannot start " + service + ": "
                    + (text == null || text.isBlank() ? cause.getClass().getName() : text);
        }
    }

    /**
     * {@link Lifecycle#stop()} was called before or while starting; the services listed were never started and
     * those already started have been (or are being) stopped by that call.
     */
    record Cancelled(List<String> notStarted) implements StartResult {
        public Cancelled {
            notStarted = List.copyOf(notStarted);
        }
    }
}
