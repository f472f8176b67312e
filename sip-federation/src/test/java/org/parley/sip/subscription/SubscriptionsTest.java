package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionsTest {

    @ParameterizedTest(name = "granted {0}s refreshes after {1}s")
    @CsvSource({"4, 2", "60, 30", "120, 60", "3600, 3540"})
    void refreshesAtHalfTimeWhenShortAndOneMinuteBeforeExpiryWhenLong(long granted, long refresh) {
        assertThat(Subscriptions.refreshDelay(Duration.ofSeconds(granted))).isEqualTo(Duration.ofSeconds(refresh));
    }
}
