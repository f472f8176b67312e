package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.error.StanzaError;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.presence.SubscriptionState.Substate;

class SubscriptionStateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            active;expires=499                      | ACTIVE     | -           | 499  | -
            pending                                 | PENDING    | -           | -    | -
            terminated;reason=rejected              | TERMINATED | REJECTED    | -    | -
            Terminated ; Reason = Timeout           | TERMINATED | TIMEOUT     | -    | -
            terminated;reason=probation;retry-after=90 | TERMINATED | PROBATION | -    | 90
            terminated;reason=giveup;x=y;flag       | TERMINATED | GIVEUP      | -    | -
            terminated;reason=moved-elsewhere       | TERMINATED | -           | -    | -
            terminated                              | TERMINATED | -           | -    | -
            active;reason=rejected                  | ACTIVE     | -           | -    | -
            waiting;expires=10                      | EXTENSION  | -           | 10   | -
            """)
    void parsesHeaderValues(String header, Substate substate, TerminationReason reason, Long expires, Long retry) {
        SubscriptionState state = SubscriptionState.parse(header).orElseThrow();

        assertThat(state).isEqualTo(new SubscriptionState(substate, Optional.ofNullable(reason),
                expires == null ? OptionalLong.empty() : OptionalLong.of(expires),
                retry == null ? OptionalLong.empty() : OptionalLong.of(retry)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ";reason=rejected", "active;expires=soon", "active;expires=-1",
            "terminated;retry-after=", "active;=3", "act ive"})
    void rejectsMalformedValuesAsBadRequest(String header) {
        MappingResult<SubscriptionState> result = SubscriptionState.parse(header);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        assertThat(((MappingResult.Rejected<SubscriptionState>) result).rejection().sipStatus()).isEqualTo(400);
    }

    @Test
    void writesTheValuesTheGatewaySends() {
        assertThat(SubscriptionState.active(3600).toHeaderValue()).isEqualTo("active;expires=3600");
        assertThat(SubscriptionState.pending(60).toHeaderValue()).isEqualTo("pending;expires=60");
        assertThat(SubscriptionState.terminated(TerminationReason.REJECTED).toHeaderValue())
                .isEqualTo("terminated;reason=rejected");
        assertThat(SubscriptionState.terminated(TerminationReason.TIMEOUT).toHeaderValue())
                .isEqualTo("terminated;reason=timeout");
        assertThatThrownBy(() -> SubscriptionState.parse("waiting").orElseThrow().toHeaderValue())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({"FORBIDDEN,REJECTED", "NOT_AUTHORIZED,REJECTED", "REMOTE_SERVER_TIMEOUT,PROBATION",
            "RECIPIENT_UNAVAILABLE,PROBATION", "ITEM_NOT_FOUND,NORESOURCE", "SERVICE_UNAVAILABLE,NORESOURCE",
            "JID_MALFORMED,NORESOURCE"})
    void terminatesByTheTypeOfAnXmppPresenceError(StanzaErrorCondition condition, TerminationReason reason) {
        assertThat(SubscriptionState.terminatedBy(StanzaError.of(condition)))
                .isEqualTo(SubscriptionState.terminated(reason));
    }
}
