package org.parley.mapper.error;

import java.util.Objects;
import java.util.Optional;

/**
 * A stanza {@code <error/>} (RFC 6120 §8.3.2): type, defined condition, optional human-readable {@code <text/>}
 * and, for {@code <gone/>} and {@code <redirect/>} only, the alternate address carried as the condition
 * element's character data (§8.3.3.5, §8.3.3.14).
 */
public record StanzaError(StanzaErrorType type, StanzaErrorCondition condition, Optional<String> text,
                          Optional<String> alternateAddress) {

    /** Rejects an alternate address on a condition that cannot carry one. */
    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alternateAddress, "alternateAddress");
        if (alternateAddress.isPresent() && !carriesAddress(condition)) {
            throw new IllegalArgumentException("<" + condition.elementName() + "/> carries no alternate address");
        }
    }

    /** The condition with its default type, no text and no alternate address. */
    public static StanzaError of(StanzaErrorCondition condition) {
        return new StanzaError(condition.defaultType(), condition, Optional.empty(), Optional.empty());
    }

    /** Whether RFC 6120 lets {@code condition} carry an alternate address ({@code gone}, {@code redirect}). */
    public static boolean carriesAddress(StanzaErrorCondition condition) {
        return condition == StanzaErrorCondition.GONE || condition == StanzaErrorCondition.REDIRECT;
    }
}
