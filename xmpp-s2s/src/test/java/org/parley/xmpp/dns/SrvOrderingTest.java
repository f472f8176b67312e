package org.parley.xmpp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SrvOrderingTest {

    private final SrvOrdering ordering = new SrvOrdering(new SplittableRandom(42));

    @Test
    void lowerPriorityComesFirstWhateverTheWeight() {
        var backup = new SrvOrdering.Srv("backup.test", 5269, 20, 100);
        var primary = new SrvOrdering.Srv("primary.test", 5269, 10, 0);
        assertThat(ordering.order(List.of(backup, primary))).containsExactly(primary, backup);
    }

    @Test
    void everyRecordAppearsOnceInTheOrder() {
        var records = List.of(new SrvOrdering.Srv("a", 1, 0, 10), new SrvOrdering.Srv("b", 2, 0, 0),
                new SrvOrdering.Srv("c", 3, 0, 30), new SrvOrdering.Srv("d", 4, 5, 1));
        assertThat(ordering.order(records)).containsExactlyInAnyOrderElementsOf(records).last().isEqualTo(records.get(3));
    }

    @Test
    void weightsShareFirstPlaceInProportion() {
        var heavy = new SrvOrdering.Srv("heavy", 1, 0, 90);
        var light = new SrvOrdering.Srv("light", 2, 0, 10);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            first.merge(ordering.order(List.of(light, heavy)).get(0).target(), 1, Integer::sum);
        }
        assertThat(first.get("heavy")).isBetween(8_500, 9_500);
        assertThat(first.get("light")).isBetween(500, 1_500);
    }

    @Test
    void zeroWeightRecordsAreRarelyFirst() {
        var zero = new SrvOrdering.Srv("zero", 1, 0, 0);
        var some = new SrvOrdering.Srv("some", 2, 0, 50);
        int zeroFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            if (ordering.order(List.of(some, zero)).get(0) == zero) {
                zeroFirst++;
            }
        }
        assertThat(zeroFirst).isBetween(1, 600);
    }
}
