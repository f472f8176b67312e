package org.parley.gateway.admin;

import java.util.Objects;

/**
 * The result of one {@link HealthCheck}.
 *
 * @param status up or down
 * @param detail why it is down (or a note when up); empty if nothing to say
 */
public record Health(Status status, String detail) {

    /** Up or down, as written in the {@code /health} JSON. */
    public enum Status {
        UP("up"), DOWN("down");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** {@code "up"} or {@code "down"}. */
        public String label() {
            return label;
        }
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** Up, nothing to add. */
    public static Health up() {
        return new Health(Status.UP, "");
    }

    /** Down for the given reason. */
    public static Health down(String reason) {
        return new Health(Status.DOWN, reason);
    }

    /** True if up. */
    public boolean isUp() {
        return status == Status.UP;
    }
}
