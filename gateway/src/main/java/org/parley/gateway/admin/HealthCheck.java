package org.parley.gateway.admin;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One thing {@code GET /health} checks, e.g. that the store answers a query. {@link #check()} should be quick;
 * it is run on a separate thread and counted as down (and interrupted) if it does not answer within the admin
 * server's check timeout. An exception thrown by {@link #check()} counts as down with the exception as reason.
 */
public interface HealthCheck {

    /** Name in the JSON report, e.g. {@code "store"}; unique among the checks of one server. */
    String name();

    /** Checks now. */
    Health check() throws Exception;

    /** A check named {@code name} answered by {@code check}. */
    static HealthCheck of(String name, Supplier<Health> check) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(check, "check");
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() {
                return check.get();
            }
        };
    }
}
