package org.parley.gateway.presence.state;

import java.util.Objects;

/**
 * Why a {@link StateChange} was not made durable: the stage {@link StateWriter#submit} returned fails with this.
 * A caller that was waiting to acknowledge a subscription change must not acknowledge it.
 */
public final class StateWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** Too many changes wait to be written; nothing was queued (backpressure). */
        QUEUE_FULL,
        /** A value is longer than its column allows; nothing was queued. */
        TOO_LARGE,
        /** The writer is closed; nothing was queued. */
        CLOSED,
        /** The batch holding the change could not be committed; nothing of it was written. */
        STORE_FAILED
    }

    private final Reason reason;

    StateWriteException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    StateWriteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
