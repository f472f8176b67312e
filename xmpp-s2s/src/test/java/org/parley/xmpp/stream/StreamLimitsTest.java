package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamLimitsTest {

    @Test
    void defaultsTo256KibStanzas() {
        assertThat(StreamLimits.defaults().maxStanzaBytes()).isEqualTo(262_144);
        assertThat(StreamLimits.defaults().maxDepth()).isEqualTo(32);
        assertThat(StreamLimits.defaults().maxAttributes()).isEqualTo(64);
    }

    @Test
    void refusesStanzaCapBelowTheRfc6120Minimum() {
        assertThatThrownBy(() -> StreamLimits.defaults().withMaxStanzaBytes(9_999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
        assertThat(StreamLimits.defaults().withMaxStanzaBytes(10_000).maxStanzaBytes()).isEqualTo(10_000);
    }

    @Test
    void refusesLimitsThatWouldBreakOrdinaryTraffic() {
        assertThatThrownBy(() -> new StreamLimits(262_144, 8192, 2, 64, 1024, 16_384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> new StreamLimits(262_144, 8192, 32, 64, 1024, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttributeValueLength");
    }
}
