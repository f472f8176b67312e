package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaError;
import org.parley.mapper.error.StanzaErrorCondition;

class XmppPresenceTest {

    private static final XmppAddress A = XmppAddress.of("a", "example.com");
    private static final XmppAddress B = XmppAddress.of("b", "example.net");

    @ParameterizedTest
    @ValueSource(ints = {-129, 128})
    void refusesPrioritiesOutsideASignedByte(int priority) {
        assertThatThrownBy(() -> XmppPresence.available(A, B).withPriority(priority))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowsShowOnlyOnAvailablePresence() {
        assertThatThrownBy(() -> XmppPresence.unavailable(A, B).withShow(Show.AWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(XmppPresence.available(A, B).withShow(Show.AWAY).show()).isEqualTo(Show.AWAY);
    }

    @Test
    void refusesTwoStatusesInTheSameLanguage() {
        assertThatThrownBy(() -> XmppPresence.available(A, B)
                .withStatuses(List.of(StatusText.of("x", "en"), StatusText.of("y", "en"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmppPresence.available(A, B)
                .withStatuses(List.of(StatusText.of("x"), StatusText.of("y"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carriesAnErrorExactlyWhenTheTypeIsError() {
        StanzaError error = StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND);

        assertThat(XmppPresence.error(A, B, error).error()).contains(error);
        assertThatThrownBy(() -> XmppPresence.of(PresenceType.ERROR, A, B))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "type=''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -            | AVAILABLE
            unavailable  | UNAVAILABLE
            subscribe    | SUBSCRIBE
            subscribed   | SUBSCRIBED
            unsubscribe  | UNSUBSCRIBE
            unsubscribed | UNSUBSCRIBED
            probe        | PROBE
            error        | ERROR
            """)
    void readsEveryTypeAttribute(String attribute, PresenceType type) {
        assertThat(PresenceType.fromWire(Optional.ofNullable(attribute))).contains(type);
        assertThat(type.wire()).isEqualTo(Optional.ofNullable(attribute));
    }

    @Test
    void refusesUnknownTypeAndShowValues() {
        assertThat(PresenceType.fromWire(Optional.of("invisible"))).isEmpty();
        assertThat(Show.fromWire(Optional.of("busy"))).isEmpty();
        assertThat(Show.fromWire(Optional.empty())).contains(Show.ABSENT);
        assertThat(Show.fromWire(Optional.of("xa"))).contains(Show.XA);
    }
}
