package org.parley.mapper.address;

/**
 * Whose address is being mapped, which decides the domain it must have. The gateway sits between SIP users of
 * its local SIP domains and XMPP users of remote XMPP domains; the same user keeps the same
 * {@code user@domain} on both sides (RFC 7247 §6.1: domain mapping is left to DNS).
 */
public enum Party {
    /**
     * A user of a local SIP domain, whom the gateway represents on XMPP under the same domain (which must also be
     * a local XMPP domain): the sender of a SIP request, the target of an XMPP stanza.
     */
    LOCAL_SIP_USER,
    /**
     * A user of a remote XMPP domain (not one of the gateway's own), whom SIP users address as
     * {@code sip:user@that.domain}: the target of a SIP request, the sender of an XMPP stanza.
     */
    REMOTE_XMPP_USER
}
