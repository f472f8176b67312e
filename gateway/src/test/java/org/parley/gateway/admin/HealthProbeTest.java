package org.parley.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<HealthProbe> probes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        release.countDown();
        probes.forEach(HealthProbe::close);
    }

    private HealthProbe probe(Duration timeout, HealthCheck... checks) {
        HealthProbe probe = new HealthProbe(List.of(checks), timeout);
        probes.add(probe);
        return probe;
    }

    private HealthCheck hanging(String name) {
        return HealthCheck.of(name, () -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up();
        });
    }

    /** A check that hangs until the test ends, even when interrupted. */
    private HealthCheck ignoringInterrupts(String name) {
        return HealthCheck.of(name, () -> {
            while (true) {
                try {
                    release.await(1, TimeUnit.MINUTES);
                    return Health.up();
                } catch (InterruptedException ignored) {
                    // keep hanging: this check does not honour interrupts
                }
            }
        });
    }

    @Test
    void reportsEveryCheckInRegistrationOrder() {
        HealthReport report = probe(BOUND,
                HealthCheck.of("store", Health::up), HealthCheck.of("edge", () -> Health.down("refused"))).run();

        assertThat(report.checks()).containsExactly(
                entry("store", Health.up()), entry("edge", Health.down("refused")));
        assertThat(report.allUp()).isFalse();
    }

    @Test
    void countsAHangingCheckAsDownAfterTheTimeoutWithoutWaitingForIt() {
        HealthProbe probe = probe(Duration.ofMillis(100), HealthCheck.of("store", Health::up), hanging("edge"));

        HealthReport report = assertTimeoutPreemptively(BOUND, probe::run);

        assertThat(report.checks().get("store")).isEqualTo(Health.up());
        assertThat(report.checks().get("edge")).isEqualTo(Health.down("no answer within 100 ms"));
    }

    @Test
    void reportsChecksDownAtOnceWhenHungChecksHoldEveryThreadAndQueuePlace() {
        HealthProbe probe = new HealthProbe(List.of(ignoringInterrupts("a"), ignoringInterrupts("b")),
                Duration.ofMillis(50), 1, 1);
        probes.add(probe);

        HealthReport first = assertTimeoutPreemptively(BOUND, probe::run);
        HealthReport second = assertTimeoutPreemptively(BOUND, probe::run);

        assertThat(first.checks().values()).containsOnly(Health.down("no answer within 50 ms"));
        assertThat(second.checks().get("a")).isEqualTo(Health.down("no answer within 50 ms"));
        assertThat(second.checks().get("b").detail()).startsWith("not run: health check threads are all busy");
    }

    @Test
    void countsAThrowingCheckAsDownWithItsMessage() {
        HealthCheck failing = new HealthCheck() {
            @Override
            public String name() {
                return "store";
            }

            @Override
            public Health check() throws Exception {
                throw new SQLException("Connection is closed");
            }
        };

        assertThat(probe(BOUND, failing).run().checks().get("store")).isEqualTo(Health.down("Connection is closed"));
    }

    @Test
    void countsACheckWithoutResultAsDown() {
        assertThat(probe(BOUND, HealthCheck.of("store", () -> null)).run().checks().get("store"))
                .isEqualTo(Health.down("check returned no result"));
    }

    @Test
    void refusesTwoChecksWithTheSameName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HealthProbe(
                List.of(HealthCheck.of("store", Health::up), HealthCheck.of("store", Health::up)), BOUND));
    }
}
