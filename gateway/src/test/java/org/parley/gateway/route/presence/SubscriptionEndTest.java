package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The end of a subscription, read from the SIP module's reason, per RFC 8048 §5.2.2 and RFC 6665 §4.1.3. */
class SubscriptionEndTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rejected                              | END_AUTHORIZATION
            noresource                            | END_AUTHORIZATION
            refused: 403 Forbidden                | END_AUTHORIZATION
            refused: 489 Bad Event                | END_AUTHORIZATION
            refused: 603 Decline                  | END_AUTHORIZATION
            refresh failed: 403 Forbidden         | END_AUTHORIZATION
            refused: 404 Not Found                | END_AUTHORIZATION
            deactivated                           | RESUBSCRIBE
            timeout                               | RESUBSCRIBE
            refused: 481 Call Does Not Exist      | RESUBSCRIBE
            refresh failed: 481 Call Does Not Exist | RESUBSCRIBE
            probation                             | LOSE_PRESENCE
            giveup                                | LOSE_PRESENCE
            invariant                             | LOSE_PRESENCE
            terminated by the notifier            | LOSE_PRESENCE
            refused: 423 Interval Too Brief       | LOSE_PRESENCE
            refused: 503 Service Unavailable      | LOSE_PRESENCE
            refresh failed: 404 Not Found         | LOSE_PRESENCE
            refused: TransportError[the edge is down] | LOSE_PRESENCE
            unsubscribed (no final NOTIFY)        | LOSE_PRESENCE
            """)
    void readsTheEndFromTheReason(String reason, SubscriptionEnd end) {
        assertThat(SubscriptionEnd.of(reason)).isEqualTo(end);
    }

    @ParameterizedTest(name = "confirmed: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            refused: 403 Forbidden                | END_AUTHORIZATION
            refused: 489 Bad Event                | END_AUTHORIZATION
            refused: 603 Decline                  | END_AUTHORIZATION
            refused: 404 Not Found                | LOSE_PRESENCE
            refused: 477 Send Failed              | LOSE_PRESENCE
            refused: 481 Call Does Not Exist      | RESUBSCRIBE
            rejected                              | END_AUTHORIZATION
            timeout                               | RESUBSCRIBE
            """)
    void anAlreadyConfirmedSubscriptionEndsItsAuthorizationOnlyOnAnExplicitRefusal(String reason, SubscriptionEnd end) {
        assertThat(SubscriptionEnd.of(reason, true)).isEqualTo(end);
    }
}
