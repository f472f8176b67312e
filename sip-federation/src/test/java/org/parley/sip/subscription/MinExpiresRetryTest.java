package org.parley.sip.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;

/** When a refused SUBSCRIBE is sent again with the notifier's Min-Expires (RFC 6665 §4.1.2.1; RFC 3261 §10.2.8). */
class MinExpiresRetryTest {

    private static final Duration ASKED = Duration.ofSeconds(600);

    @ParameterizedTest(name = "{0} Min-Expires ''{1}'' retried={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            423 | 7200       | false | 7200
            423 | ' 7200 '   | false | 7200
            423 | 86400      | false | 86400
            423 | 86401      | false | none
            423 | 600        | false | none
            423 | 300        | false | none
            423 | none       | false | none
            423 | abc        | false | none
            423 | -7200      | false | none
            423 | 99999999999| false | none
            423 | 7200       | true  | none
            481 | 7200       | false | none
            403 | 7200       | false | none
            """)
    void retriesA423OnceWithAUsableMinExpiresAboveTheAskedAndUpToADay(int status, String minExpires,
                                                                       boolean retried, Long expected) {
        List<SipHeader> headers = minExpires == null ? List.of() : List.of(new SipHeader("Min-Expires", minExpires));
        SipOutcome outcome = new SipOutcome.FinalResponse(status, "Refused", headers, Optional.empty());

        assertThat(MinExpiresRetry.raisedExpires(outcome, ASKED, retried))
                .isEqualTo(Optional.ofNullable(expected).map(Duration::ofSeconds));
    }

    @Test
    void neverRetriesWithoutAFinalResponse() {
        assertThat(MinExpiresRetry.raisedExpires(new SipOutcome.Timeout("Timer F"), ASKED, false)).isEmpty();
        assertThat(MinExpiresRetry.raisedExpires(new SipOutcome.TransportError("closed"), ASKED, false)).isEmpty();
    }

    @Test
    void readsTheHeaderNameCaseInsensitively() {
        SipOutcome outcome = new SipOutcome.FinalResponse(423, "Interval Too Brief",
                List.of(new SipHeader("min-expires", "3600")), Optional.empty());

        assertThat(MinExpiresRetry.raisedExpires(outcome, ASKED, false)).contains(Duration.ofSeconds(3600));
    }
}
