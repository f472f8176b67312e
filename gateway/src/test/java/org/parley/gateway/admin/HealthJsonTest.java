package org.parley.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthJsonTest {

    @Test
    void listsEveryCheckWhenAllAreUp() {
        Map<String, Health> checks = new LinkedHashMap<>();
        checks.put("store", Health.up());
        checks.put("edge", new Health(Health.Status.UP, "connected"));

        assertThat(HealthJson.render(new HealthReport(checks)))
                .isEqualTo("{\"status\":\"up\",\"checks\":{\"store\":\"up\",\"edge\":\"up\"}}");
    }

    @Test
    void givesTheReasonOfEachCheckThatIsDown() {
        Map<String, Health> checks = new LinkedHashMap<>();
        checks.put("store", Health.down("table \"allow\" missing"));
        checks.put("edge", Health.up());
        checks.put("dns", Health.down("SERVFAIL"));

        assertThat(HealthJson.render(new HealthReport(checks))).isEqualTo("{\"status\":\"down\","
                + "\"checks\":{\"store\":\"down\",\"edge\":\"up\",\"dns\":\"down\"},"
                + "\"reasons\":{\"store\":\"table \\\"allow\\\" missing\",\"dns\":\"SERVFAIL\"}}");
    }

    @Test
    void isUpWithNoChecks() {
        assertThat(HealthJson.render(new HealthReport(Map.of()))).isEqualTo("{\"status\":\"up\",\"checks\":{}}");
    }
}
