package org.parley.gateway.route.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    private static final String EMPTY = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          1000          64000  [B (java.base@17.0.15)
               2:           500          12000  java.lang.String (java.base@17.0.15)
            Total          1500          76000
            """;

    private static final String RESTORED = """
            12345:
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:          3000         164000  [B (java.base@17.0.15)
               2:           100          32800  gov.nist.javax.sip.stack.SIPDialog
               3:           600          14400  java.lang.String (java.base@17.0.15)
            Total          3700         211200
            """;

    @Test
    void readsBytesByClassAndTheTotal() throws IOException {
        HeapHistogram histogram = HeapHistogram.parse(RESTORED);

        assertThat(histogram.totalBytes()).isEqualTo(211_200);
        assertThat(histogram.bytesByClass()).containsEntry("[B", 164_000L)
                .containsEntry("gov.nist.javax.sip.stack.SIPDialog", 32_800L).hasSize(3);
    }

    @Test
    void ranksClassesByGrowthCountingNewClassesFromZero() throws IOException {
        assertThat(HeapHistogram.parse(RESTORED).largestGrowth(HeapHistogram.parse(EMPTY), 2))
                .containsExactly(Map.entry("[B", 100_000L), Map.entry("gov.nist.javax.sip.stack.SIPDialog", 32_800L));
    }

    @Test
    void refusesOutputWithoutATotal() {
        assertThatThrownBy(() -> HeapHistogram.parse("12345:\nCommand executed with errors\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("no total");
    }
}
