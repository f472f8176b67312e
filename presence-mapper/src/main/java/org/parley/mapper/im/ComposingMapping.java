package org.parley.mapper.im;

import java.util.Optional;

/**
 * RFC 7573 §6 as data: Table 3 (isComposing state → chat state) and Table 4 (chat state → isComposing state).
 * The gateway maps all five XEP-0085 states (option (b) of §6). {@code gone} has no isComposing equivalent
 * (§6.1); in page mode there is no session to end with a BYE, so it is not sent to SIP at all.
 */
public final class ComposingMapping {

    private ComposingMapping() {
    }

    /** Table 3: {@code active} → {@code <composing/>}, {@code idle} → {@code <active/>}. */
    public static ChatState toChatState(IsComposing.State state) {
        return switch (state) {
            case ACTIVE -> ChatState.COMPOSING;
            case IDLE -> ChatState.ACTIVE;
        };
    }

    /**
     * Table 4: {@code composing} → {@code active}; {@code active}, {@code inactive}, {@code paused} →
     * {@code idle}; {@code gone} → none.
     */
    public static Optional<IsComposing.State> toIsComposing(ChatState state) {
        return switch (state) {
            case COMPOSING -> Optional.of(IsComposing.State.ACTIVE);
            case ACTIVE, INACTIVE, PAUSED -> Optional.of(IsComposing.State.IDLE);
            case GONE -> Optional.empty();
        };
    }
}
