package org.parley.mapper.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class StanzaErrorConditionTest {

    /** RFC 6120 §8.3.3.1–22: element name and the error type each section says it SHOULD carry (first named). */
    @ParameterizedTest(name = "§8.3.3.{0} <{1}/> type {2}")
    @CsvSource(delimiter = '|', textBlock = """
             1 | bad-request             | modify
             2 | conflict                | cancel
             3 | feature-not-implemented | cancel
             4 | forbidden               | auth
             5 | gone                    | cancel
             6 | internal-server-error   | cancel
             7 | item-not-found          | cancel
             8 | jid-malformed           | modify
             9 | not-acceptable          | modify
            10 | not-allowed             | cancel
            11 | not-authorized          | auth
            12 | policy-violation        | modify
            13 | recipient-unavailable   | wait
            14 | redirect                | modify
            15 | registration-required   | auth
            16 | remote-server-not-found | cancel
            17 | remote-server-timeout   | wait
            18 | resource-constraint     | wait
            19 | service-unavailable     | cancel
            20 | subscription-required   | auth
            21 | undefined-condition     | cancel
            22 | unexpected-request      | wait
            """)
    void definesEachRfc6120ConditionWithItsDefaultType(int section, String element, String type) {
        StanzaErrorCondition condition = StanzaErrorCondition.values()[section - 1];
        assertThat(condition.elementName()).isEqualTo(element);
        assertThat(condition.defaultType().xmlValue()).isEqualTo(type);
        assertThat(StanzaErrorCondition.fromElementName(element)).contains(condition);
    }

    @Test
    void definesExactlyTheTwentyTwoConditions() {
        assertThat(StanzaErrorCondition.values()).hasSize(22);
        assertThat(Arrays.stream(StanzaErrorCondition.values()).map(StanzaErrorCondition::elementName).distinct())
                .hasSize(22);
    }

    @Test
    void unknownOrRetiredElementNamesAreNotConditions() {
        assertThat(StanzaErrorCondition.fromElementName("payment-required")).isEmpty();
        assertThat(StanzaErrorCondition.fromElementName("Bad-Request")).isEmpty();
        assertThat(StanzaErrorCondition.fromElementName("")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StanzaErrorCondition.class, names = {"GONE", "REDIRECT"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyGoneAndRedirectCarryAnAlternateAddress(StanzaErrorCondition condition) {
        assertThatThrownBy(() -> new StanzaError(condition.defaultType(), condition, Optional.empty(),
                Optional.of("xmpp:new@example.net")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(condition.elementName());
        assertThat(new StanzaError(StanzaErrorType.CANCEL, StanzaErrorCondition.GONE, Optional.empty(),
                Optional.of("xmpp:new@example.net")).alternateAddress()).contains("xmpp:new@example.net");
    }

    @Test
    void errorOfAConditionUsesItsDefaultType() {
        StanzaError error = StanzaError.of(StanzaErrorCondition.RECIPIENT_UNAVAILABLE);
        assertThat(error.type()).isEqualTo(StanzaErrorType.WAIT);
        assertThat(error.text()).isEmpty();
        assertThat(error.alternateAddress()).isEmpty();
    }
}
