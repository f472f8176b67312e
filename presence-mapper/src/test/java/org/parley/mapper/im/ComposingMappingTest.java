package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7573 §6, one test row per table row. */
class ComposingMappingTest {

    /** Table 3: isComposing event → chat state. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            ACTIVE, COMPOSING
            IDLE,   ACTIVE
            """)
    void mapsIsComposingToChatStatesPerTable3(IsComposing.State event, ChatState state) {
        assertThat(ComposingMapping.toChatState(event)).isEqualTo(state);
    }

    /** Table 4: chat state → isComposing event (gone has none, §6.1). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            ACTIVE,    IDLE
            INACTIVE,  IDLE
            GONE,
            COMPOSING, ACTIVE
            PAUSED,    IDLE
            """)
    void mapsChatStatesToIsComposingPerTable4(ChatState state, IsComposing.State event) {
        assertThat(ComposingMapping.toIsComposing(state)).isEqualTo(Optional.ofNullable(event));
    }
}
