package org.parley.mapper;

import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.error.ErrorMapping;
import org.parley.mapper.error.StanzaError;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * Why something could not be translated, in the terms of both sides: the XMPP stanza error condition to return
 * to an XMPP sender and the SIP response code to return to a SIP sender (RFC 7247 §7), plus a reason for logs and
 * diagnostics. The reason may quote the offending input; callers decide whether to send it as {@code <text/>}.
 */
public record Rejection(StanzaErrorCondition condition, int sipStatus, String reason) {

    /** Requires a SIP error code (300–699) and a non-blank reason. */
    public Rejection {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(reason, "reason");
        if (!ErrorMapping.isErrorStatus(sipStatus)) {
            throw new IllegalArgumentException("not a SIP error response code: " + sipStatus);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }

    /** The stanza error to bounce to an XMPP sender: the condition with its default type, without text. */
    public StanzaError toStanzaError() {
        return new StanzaError(condition.defaultType(), condition, Optional.empty(), Optional.empty());
    }
}
