package org.parley.sip.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;

class WatchersTest {

    @ParameterizedTest(name = "Event ''{0}'' served: {1}")
    @CsvSource(delimiter = '|', value = {"presence|true", "Presence;id=7|true", "presence.winfo|false",
            "dialog|false", "''|false"})
    void servesOnlyThePresenceEventPackage(String event, boolean served) {
        assertThat(Watchers.isPresence(subscribe("Event", event))).isEqualTo(served);
    }

    @ParameterizedTest(name = "Expires ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {"60|PT1M", "0|PT0S", " 3600 |PT1H", "-1|", "soon|"})
    void readsTheRequestedDurationAndRefusesUnreadableOnes(String expires, Duration requested) {
        assertThat(Watchers.expires(subscribe("Expires", expires))).isEqualTo(Optional.ofNullable(requested));
    }

    @org.junit.jupiter.api.Test
    void grantsAnHourWhenExpiresIsAbsent() {
        assertThat(Watchers.expires(subscribe("Event", "presence"))).hasValue(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "NOTIFY answered {0} ends the subscription: {1}")
    @CsvSource({"200, false", "202, false", "403, false", "404, true", "408, true", "481, true", "486, false",
            "489, true", "500, false", "503, false", "604, true"})
    void endsTheSubscriptionOnResponsesThatEndTheDialogUsage(int status, boolean ends) {
        assertThat(NotifySequence.endsUsage(new SipOutcome.FinalResponse(status, "", List.of(), Optional.empty())))
                .isEqualTo(ends);
    }

    @org.junit.jupiter.api.Test
    void endsTheSubscriptionWhenANotifyTimesOutOrItsConnectionFails() {
        assertThat(NotifySequence.endsUsage(new SipOutcome.Timeout("Timer F"))).isTrue();
        assertThat(NotifySequence.endsUsage(new SipOutcome.TransportError("reset"))).isTrue();
    }

    private static InboundRequest subscribe(String name, String value) {
        List<SipHeader> headers = new ArrayList<>(List.of(new SipHeader("Call-ID", "c1")));
        headers.add(new SipHeader(name, value));
        return new InboundRequest("SUBSCRIBE", "sip:alice@gw.test", "sip:bob@edge.test", "sip:alice@gw.test", "c1",
                headers, Optional.empty());
    }
}
