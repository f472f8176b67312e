package org.parley.gateway.admin;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code GET /health} body:
 * <pre>{"status":"up","checks":{"store":"up","edge":"up"}}</pre>
 * or, when a check is down, with the reason of each check that is down:
 * <pre>{"status":"down","checks":{"store":"up","edge":"down"},"reasons":{"edge":"no answer within 2 s"}}</pre>
 */
final class HealthJson {

    private HealthJson() {
    }

    static String render(HealthReport report) {
        StringJoiner checks = new StringJoiner(",", "{", "}");
        StringJoiner reasons = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Health> entry : report.checks().entrySet()) {
            Health health = entry.getValue();
            String name = JsonText.quote(entry.getKey());
            checks.add(name + ":" + JsonText.quote(health.status().label()));
            if (!health.isUp()) {
                reasons.add(name + ":" + JsonText.quote(health.detail()));
            }
        }
        StringBuilder json = new StringBuilder("{\"status\":").append(JsonText.quote(report.status().label()))
                .append(",\"checks\":").append(checks);
        if (!report.allUp()) {
            json.append(",\"reasons\":").append(reasons);
        }
        return json.append('}').toString();
    }
}
