package org.parley.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    @ParameterizedTest(name = "attempt {0} with random {1} waits {2} ms")
    @CsvSource({
        "1, 0.0, 100", "1, 1.0, 200", "2, 0.0, 200", "3, 1.0, 800", "4, 0.5, 1200", "10, 1.0, 2000", "10, 0.0, 1000"})
    void doublesWithEqualJitterUpToTheMaximum(int attempt, double random, long expectedMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> random);
        Duration delay = Duration.ZERO;
        for (int i = 0; i < attempt; i++) {
            delay = backoff.next();
        }
        assertThat(delay).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest
    @CsvSource({"0.0, 100", "1.0, 200"})
    void startsOverAfterReset(double random, long expectedMillis) {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> random);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(expectedMillis));
    }
}
