package org.parley.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.error.StanzaErrorType;
import org.junit.jupiter.api.Test;

class MappingResultTest {

    private static final Rejection NOT_FOUND = new Rejection(StanzaErrorCondition.ITEM_NOT_FOUND, 404, "no such user");

    @Test
    void mapAndFlatMapTransformAMappedValue() {
        MappingResult<Integer> length = MappingResult.mapped("alice").map(String::length);
        assertThat(length).isEqualTo(MappingResult.mapped(5));
        assertThat(length.flatMap(n -> MappingResult.mapped(n * 2)).orElseThrow()).isEqualTo(10);
        assertThat(length.isMapped()).isTrue();
    }

    @Test
    void aRejectionPassesThroughWithoutCallingTheFunction() {
        AtomicBoolean called = new AtomicBoolean();
        MappingResult<String> rejected = MappingResult.rejected(NOT_FOUND);
        MappingResult<Integer> mapped = rejected.map(s -> {
            called.set(true);
            return s.length();
        });
        MappingResult<Integer> chained = rejected.flatMap(s -> {
            called.set(true);
            return MappingResult.mapped(1);
        });
        assertThat(called).isFalse();
        assertThat(mapped).isEqualTo(new MappingResult.Rejected<Integer>(NOT_FOUND));
        assertThat(chained.isMapped()).isFalse();
    }

    @Test
    void flatMapCanTurnAMappedValueIntoARejection() {
        MappingResult<String> result = MappingResult.mapped("x").flatMap(s -> MappingResult.rejected(NOT_FOUND));
        assertThat(result).isInstanceOfSatisfying(MappingResult.Rejected.class,
                r -> assertThat(r.rejection()).isEqualTo(NOT_FOUND));
    }

    @Test
    void orElseThrowOnARejectionNamesConditionStatusAndReason() {
        assertThatThrownBy(() -> MappingResult.rejected(NOT_FOUND).orElseThrow())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("item-not-found")
                .hasMessageContaining("404")
                .hasMessageContaining("no such user");
    }

    @Test
    void aRejectionNeedsASipErrorCodeAndAReason() {
        assertThatThrownBy(() -> new Rejection(StanzaErrorCondition.BAD_REQUEST, 200, "ok?"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rejection(StanzaErrorCondition.BAD_REQUEST, 400, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MappingResult.mapped(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRejectionBecomesAStanzaErrorOfTheConditionsDefaultType() {
        assertThat(NOT_FOUND.toStanzaError().type()).isEqualTo(StanzaErrorType.CANCEL);
        assertThat(NOT_FOUND.toStanzaError().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(NOT_FOUND.toStanzaError().text()).isEmpty();
    }
}
