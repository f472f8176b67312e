package org.parley.mapper.pidf;

import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * The ways a presence body can be refused, each with the stanza error condition and SIP response code it is
 * answered with; the pairs agree with RFC 7247 Table 3 (400 → bad-request, 413 → policy-violation).
 */
enum BodyProblem {
    /** Not well-formed, a DTD or entity, or not the expected document: bad-request / 400. */
    MALFORMED(StanzaErrorCondition.BAD_REQUEST, 400),
    /** Larger than the configured limit: policy-violation / 413 Request Entity Too Large. */
    TOO_LARGE(StanzaErrorCondition.POLICY_VIOLATION, 413);

    private final StanzaErrorCondition condition;
    private final int sipStatus;

    BodyProblem(StanzaErrorCondition condition, int sipStatus) {
        this.condition = condition;
        this.sipStatus = sipStatus;
    }

    /** A rejection of this kind with {@code reason}. */
    Rejection reject(String reason) {
        return new Rejection(condition, sipStatus, reason);
    }
}
