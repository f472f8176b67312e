package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionIdTest {

    @Test
    void uniqueCallIdsAreShortRandomWords() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String callId = SubscriptionId.unique().callId();
            assertThat(callId).matches("[A-Za-z0-9_-]{22}");
            seen.add(callId);
        }
        assertThat(seen).hasSize(10_000);
    }
}
