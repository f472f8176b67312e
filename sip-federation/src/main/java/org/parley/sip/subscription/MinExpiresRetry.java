package org.parley.sip.subscription;

import java.time.Duration;
import java.util.Optional;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;

/**
 * Whether a refused SUBSCRIBE is sent again with a longer Expires: a 423 Interval Too Brief whose {@code Min-Expires}
 * (RFC 3261 §20.23, delta-seconds) is longer than what was asked and at most {@link #CEILING} is retried once with
 * Expires = Min-Expires (RFC 6665 §4.1.2.1 for a new subscription, §4.1.2.2 for a refresh; RFC 3261 §10.2.8). A second
 * 423, a missing or unparsable Min-Expires, one not above the Expires asked, or one above the ceiling is not retried.
 */
final class MinExpiresRetry {

    /** The longest subscription the gateway agrees to hold on a notifier's demand. */
    static final Duration CEILING = Duration.ofDays(1);

    private MinExpiresRetry() {
    }

    /**
     * The Expires to send again with after {@code outcome} to a SUBSCRIBE that asked for {@code asked}; empty when the
     * outcome is not a 423 to retry, or {@code retried} says this attempt already was the retry.
     */
    static Optional<Duration> raisedExpires(SipOutcome outcome, Duration asked, boolean retried) {
        if (retried || !(outcome instanceof SipOutcome.FinalResponse response) || response.status() != 423) {
            return Optional.empty();
        }
        return SipHeader.first(response.headers(), "Min-Expires").flatMap(MinExpiresRetry::seconds)
                .filter(min -> min.compareTo(asked) > 0 && min.compareTo(CEILING) <= 0);
    }

    private static Optional<Duration> seconds(String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
}
