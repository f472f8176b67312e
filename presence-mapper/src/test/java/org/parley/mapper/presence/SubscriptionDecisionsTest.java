package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One line per row of the four decision tables (RFC 8048 §5, §7; RFC 6665 §4). */
class SubscriptionDecisionsTest {

    @ParameterizedTest(name = "{0} (state known: {1}) -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            AVAILABLE    | false | NOTIFY_PRESENCE            | -
            UNAVAILABLE  | true  | NOTIFY_PRESENCE            | -
            SUBSCRIBE    | false | SEND_SUBSCRIBE             | SUBSCRIBE
            SUBSCRIBED   | false | NOTIFY_ACTIVE              | -
            UNSUBSCRIBE  | true  | SEND_UNSUBSCRIBE           | UNSUBSCRIBE
            UNSUBSCRIBED | false | NOTIFY_REJECTED            | -
            PROBE        | true  | REPLY_WITH_LAST_KNOWN      | -
            PROBE        | false | SEND_FETCH                 | FETCH
            ERROR        | false | NOTIFY_TERMINATED_BY_ERROR | -
            """)
    void decidesWhatAnXmppPresenceStanzaDoes(PresenceType type, boolean known, XmppPresenceAction action,
                                             SubscribeIntent.Kind kind) {
        assertThat(XmppPresenceAction.of(type, known)).isEqualTo(action);
        assertThat(action.subscribeKind()).isEqualTo(Optional.ofNullable(kind));
    }

    @ParameterizedTest(name = "{0} answered {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            UNSUBSCRIBE | 200 | CONFIRM_UNSUBSCRIBED
            UNSUBSCRIBE | 481 | CONFIRM_UNSUBSCRIBED
            FETCH       | 202 | AWAIT_NOTIFY
            FETCH       | 403 | DROP
            SUBSCRIBE   | 200 | AWAIT_NOTIFY
            REFRESH     | 202 | AWAIT_NOTIFY
            SUBSCRIBE   | 403 | END_AUTHORIZATION
            SUBSCRIBE   | 489 | END_AUTHORIZATION
            SUBSCRIBE   | 603 | END_AUTHORIZATION
            REFRESH     | 403 | END_AUTHORIZATION
            REFRESH     | 489 | END_AUTHORIZATION
            REFRESH     | 603 | END_AUTHORIZATION
            SUBSCRIBE   | 423 | RETRY_WITH_MIN_EXPIRES
            REFRESH     | 423 | RETRY_WITH_MIN_EXPIRES
            SUBSCRIBE   | 481 | RESUBSCRIBE
            REFRESH     | 481 | RESUBSCRIBE
            SUBSCRIBE   | 408 | RETRY_LATER
            SUBSCRIBE   | 480 | RETRY_LATER
            SUBSCRIBE   | 500 | RETRY_LATER
            SUBSCRIBE   | 477 | RETRY_LATER
            SUBSCRIBE   | 502 | RETRY_LATER
            SUBSCRIBE   | 503 | RETRY_LATER
            SUBSCRIBE   | 504 | RETRY_LATER
            REFRESH     | 404 | RETRY_LATER
            REFRESH     | 302 | RETRY_LATER
            SUBSCRIBE   | 404 | BOUNCE
            SUBSCRIBE   | 604 | BOUNCE
            SUBSCRIBE   | 302 | BOUNCE
            """)
    void decidesWhatASubscribeResponseDoes(SubscribeIntent.Kind kind, int status, SubscribeResponseAction action) {
        assertThat(SubscribeResponseAction.of(kind, status)).isEqualTo(action);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 180, 199, 700, 0})
    void refusesCodesThatAreNotFinalResponses(int status) {
        assertThatThrownBy(() -> SubscribeResponseAction.of(SubscribeIntent.Kind.SUBSCRIBE, status))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            UNSUBSCRIBING   | active;expires=10              | ACKNOWLEDGE
            UNSUBSCRIBING   | terminated;reason=rejected     | ACKNOWLEDGE
            FETCHING        | active                         | DELIVER
            FETCHING        | terminated;reason=timeout      | DELIVER
            FETCHING        | terminated                     | DELIVER
            FETCHING        | pending                        | ACKNOWLEDGE
            FETCHING        | terminated;reason=rejected     | ACKNOWLEDGE
            AWAITING_ACTIVE | active;expires=499             | CONFIRM_AND_DELIVER
            CONFIRMED       | active;expires=499             | DELIVER
            AWAITING_ACTIVE | pending                        | ACKNOWLEDGE
            CONFIRMED       | pending                        | ACKNOWLEDGE
            AWAITING_ACTIVE | waiting                        | ACKNOWLEDGE
            AWAITING_ACTIVE | terminated;reason=rejected     | END_AUTHORIZATION
            CONFIRMED       | terminated;reason=rejected     | END_AUTHORIZATION
            CONFIRMED       | terminated;reason=noresource   | END_AUTHORIZATION
            CONFIRMED       | terminated;reason=deactivated  | RESUBSCRIBE_NOW
            CONFIRMED       | terminated;reason=timeout      | RESUBSCRIBE_NOW
            CONFIRMED       | terminated;reason=probation    | RESUBSCRIBE_LATER
            AWAITING_ACTIVE | terminated;reason=giveup       | RESUBSCRIBE_LATER
            CONFIRMED       | terminated                     | RESUBSCRIBE_LATER
            CONFIRMED       | terminated;reason=unheard-of   | RESUBSCRIBE_LATER
            CONFIRMED       | terminated;reason=invariant    | DROP_DIALOG
            """)
    void decidesWhatANotifyDoes(OutboundDialog dialog, String subscriptionState, NotifyAction action) {
        SubscriptionState state = SubscriptionState.parse(subscriptionState).orElseThrow();

        assertThat(NotifyAction.of(dialog, state)).isEqualTo(action);
    }

    @ParameterizedTest(name = "in dialog {0}, Expires {1}, authorized {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            false | 3600 | false | ACCEPT_PENDING
            false | 3600 | true  | ACCEPT_ACTIVE
            true  | 3600 | false | REFRESH
            true  | 60   | true  | REFRESH
            true  | 0    | true  | TERMINATE
            true  | 0    | false | TERMINATE
            false | 0    | true  | FETCH
            false | 0    | false | FETCH
            """)
    void decidesWhatASubscribeFromTheEdgeDoes(boolean inDialog, long expires, boolean authorized,
                                              InboundSubscribeAction action) {
        assertThat(InboundSubscribeAction.of(inDialog, expires, authorized)).isEqualTo(action);
    }

    @Test
    void refusesANegativeExpires() {
        assertThatThrownBy(() -> InboundSubscribeAction.of(false, -1, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
