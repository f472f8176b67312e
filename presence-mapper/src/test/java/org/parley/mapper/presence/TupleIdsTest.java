package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.pidf.XmlNames;

class TupleIdsTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            yn0cl4bnw0yr3vym   | ID-yn0cl4bnw0yr3vym
            123                | ID-123
            Conversations.Ab3x | ID-Conversations.Ab3x
            phone 1            | IDX-70686f6e652031
            a/b                | IDX-612f62
            desk:1             | IDX-6465736b3a31
            """)
    void prefixesResourcesAndEncodesThoseThatAreNotNcNames(String resource, String tupleId) {
        assertThat(TupleIds.forResource(Optional.of(resource))).isEqualTo(tupleId);
        assertThat(TupleIds.resourceFor(tupleId)).contains(resource);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yn0cl4bnw0yr3vym", "phone 1", "a/b/c", "x@y", "caf\u00e9", "\u65e5\u672c \uD83D\uDE00",
            "X-70", "ID-", "IDX-00", "-", "."})
    void roundTripsAnyResourceThroughAnNcName(String resource) {
        String id = TupleIds.forResource(Optional.of(resource));

        assertThat(XmlNames.isNcName(id)).as(id).isTrue();
        assertThat(TupleIds.resourceFor(id)).contains(resource);
    }

    @Test
    void standsForTheBareJidWithId() {
        assertThat(TupleIds.forResource(Optional.empty())).isEqualTo("ID");
        assertThat(TupleIds.resourceFor("ID")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t8f3a", "pidf-tuple-1", "0x7f12", "IDX-zz", "IDX-6", "IDX-ff", "ID-"})
    void usesForeignTupleIdsAsTheyAre(String tupleId) {
        assertThat(TupleIds.resourceFor(tupleId)).contains(tupleId);
    }
}
