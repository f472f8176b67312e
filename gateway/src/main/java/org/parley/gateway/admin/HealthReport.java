package org.parley.gateway.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of all health checks of one {@code GET /health}, in registration order.
 *
 * @param checks check name to result
 */
public record HealthReport(Map<String, Health> checks) {

    public HealthReport {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** True if every check is up (also when there are no checks). */
    public boolean allUp() {
        return checks.values().stream().allMatch(Health::isUp);
    }

    /** The overall status: up only if every check is up. */
    public Health.Status status() {
        return allUp() ? Health.Status.UP : Health.Status.DOWN;
    }
}
