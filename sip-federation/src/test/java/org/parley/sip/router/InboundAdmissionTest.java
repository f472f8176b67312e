package org.parley.sip.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.parley.sip.SipSettings;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.RequestPolicy.Verdict;

class InboundAdmissionTest {

    private final AtomicLong now = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InboundAdmission admission = new InboundAdmission(
            new SipSettings.Limits(8192, 1000, 10, 3, 8, 100), new SipMetrics(registry), now::get);

    @Test
    void refusesBodyAboveTheLimitAsTooLarge() {
        assertThat(admission.admit("a:1", "MESSAGE", 1000)).isEqualTo(Verdict.ADMIT);
        assertThat(admission.admit("a:1", "MESSAGE", 1001)).isEqualTo(Verdict.TOO_LARGE);
        assertThat(registry.get("parley.sip.requests.refused").tag("reason", "too_large").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void limitsEachConnectionToItsBurstThenItsRate() {
        for (int i = 0; i < 3; i++) {
            assertThat(admission.admit("a:1", "MESSAGE", 0)).isEqualTo(Verdict.ADMIT);
        }
        assertThat(admission.admit("a:1", "MESSAGE", 0)).isEqualTo(Verdict.RATE_LIMITED);
        assertThat(admission.admit("b:2", "MESSAGE", 0)).as("other connection").isEqualTo(Verdict.ADMIT);

        now.addAndGet(100_000_000L); // 100 ms at 10/s refills one token

        assertThat(admission.admit("a:1", "MESSAGE", 0)).isEqualTo(Verdict.ADMIT);
        assertThat(admission.admit("a:1", "MESSAGE", 0)).isEqualTo(Verdict.RATE_LIMITED);
    }
}
