package org.parley.mapper.error;

/**
 * What the failed XMPP request was addressed to. RFC 7247 §7.1 (Table 2, notes 1 and 2) choose the SIP response code by it:
 * a full JID names one endpoint (SIP 4xx, or 405 rather than 501), a bare JID names the user (SIP 6xx, or 501).
 */
public enum Addressee {
    /** {@code localpart@domainpart}: the user, all of their resources. */
    BARE_JID,
    /** {@code localpart@domainpart/resourcepart}: one endpoint of the user. */
    FULL_JID
}
