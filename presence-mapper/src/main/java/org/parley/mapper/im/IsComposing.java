package org.parley.mapper.im;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 3994 isComposing status message ({@code application/im-iscomposing+xml}, §4): the composer's state, the
 * refresh interval that comes with {@code active} (after which a receiver that hears nothing falls back to
 * {@code idle}, §3.3), and the type of content being composed. The optional {@code lastactive} element is not
 * modelled: nothing on the XMPP side carries it.
 */
public record IsComposing(State state, Optional<Duration> refresh, Optional<String> contentType) {

    /** The two states of RFC 3994 §3. */
    public enum State {
        /** The user is not composing. */
        IDLE("idle"),
        /** The user is composing. */
        ACTIVE("active");

        private final String xmlValue;

        State(String xmlValue) {
            this.xmlValue = xmlValue;
        }

        /** The {@code <state/>} text. */
        public String xmlValue() {
            return xmlValue;
        }
    }

    /** Requires a refresh of at least one whole second, and only with {@link State#ACTIVE}. */
    public IsComposing {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(contentType, "contentType");
        refresh.ifPresent(interval -> {
            if (state != State.ACTIVE) {
                throw new IllegalArgumentException("refresh is sent with the active state only");
            }
            if (interval.toSeconds() < 1 || interval.toNanosPart() != 0) {
                throw new IllegalArgumentException("refresh must be a positive number of seconds: " + interval);
            }
        });
    }

    /** {@code idle} composing text. */
    public static IsComposing idle() {
        return new IsComposing(State.IDLE, Optional.empty(), Optional.of("text/plain"));
    }

    /** {@code active} composing text, refreshed every {@code refresh}. */
    public static IsComposing active(Duration refresh) {
        return new IsComposing(State.ACTIVE, Optional.of(refresh), Optional.of("text/plain"));
    }
}
