package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.pidf.PidfContact;

class PriorityScaleTest {

    @ParameterizedTest(name = "XMPP {0} -> PIDF {1}")
    @CsvSource({"0,0.000", "1,0.007", "2,0.015", "64,0.503", "126,0.992", "127,1.000"})
    void scalesAsRfc8048Note6Exemplifies(int xmpp, String pidf) {
        assertThat(PriorityScale.toPidf(xmpp)).contains(new BigDecimal(pidf));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -5, -128})
    void doesNotMapNegativePriorities(int xmpp) {
        assertThat(PriorityScale.toPidf(xmpp)).isEmpty();
    }

    @Test
    void mapsEveryNonNegativePriorityToADistinctQvalueAndBack() {
        Set<BigDecimal> seen = new HashSet<>();
        for (int p = 0; p <= 127; p++) {
            BigDecimal q = PriorityScale.toPidf(p).orElseThrow();
            assertThat(PidfContact.isQvalue(q)).isTrue();
            assertThat(seen.add(q)).as("unique for %d", p).isTrue();
            assertThat(PriorityScale.toXmpp(q)).as("back from %s", q).isEqualTo(p);
        }
    }

    @ParameterizedTest(name = "PIDF {0} -> XMPP {1}")
    @CsvSource({"0,0", "0.5,64", "0.1,13", "1,127", "1.0,127", "0.004,1", "0.003,0"})
    void mapsAnyQvalueToTheNearestXmppPriority(String pidf, int xmpp) {
        assertThat(PriorityScale.toXmpp(new BigDecimal(pidf))).isEqualTo(xmpp);
    }

    @Test
    void refusesValuesOutsideTheirRanges() {
        assertThatThrownBy(() -> PriorityScale.toPidf(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriorityScale.toXmpp(new BigDecimal("1.001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
