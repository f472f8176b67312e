package org.parley.mapper.address;

import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * The ways an address can fail to parse or map, each with the stanza error condition and SIP response code it is
 * answered with. The pairs agree with RFC 7247 Table 2 or Table 3 ({@code ErrorMapping}).
 */
enum AddressProblem {
    /** Not a well-formed JID or SIP URI, or a part the other side cannot represent: jid-malformed / 400. */
    MALFORMED(StanzaErrorCondition.JID_MALFORMED, 400),
    /** A URI scheme other than sip:/sips:, or sips: which is never translated: not-acceptable / 416. */
    UNSUPPORTED_SCHEME(StanzaErrorCondition.NOT_ACCEPTABLE, 416),
    /** The address names a domain but no user: item-not-found / 484 Address Incomplete. */
    NO_USER(StanzaErrorCondition.ITEM_NOT_FOUND, 484),
    /** A temporary GRUU, which RFC 7247 §6.3 excludes from mapping: item-not-found / 404. */
    TEMPORARY_GRUU(StanzaErrorCondition.ITEM_NOT_FOUND, 404),
    /** A sender outside the domains this side may speak for (spoofing or misrouting): forbidden / 403. */
    SENDER_NOT_ALLOWED(StanzaErrorCondition.FORBIDDEN, 403),
    /** A target outside the domains this gateway can deliver to: item-not-found / 404. */
    TARGET_NOT_SERVED(StanzaErrorCondition.ITEM_NOT_FOUND, 404);

    private final StanzaErrorCondition condition;
    private final int sipStatus;

    AddressProblem(StanzaErrorCondition condition, int sipStatus) {
        this.condition = condition;
        this.sipStatus = sipStatus;
    }

    /** A rejection of this kind with {@code reason}. */
    Rejection reject(String reason) {
        return new Rejection(condition, sipStatus, reason);
    }
}
