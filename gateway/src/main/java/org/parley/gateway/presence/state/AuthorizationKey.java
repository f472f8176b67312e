package org.parley.gateway.presence.state;

import java.util.Objects;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

/**
 * One presence authorization's identity: a local SIP user, a remote XMPP contact and the direction (RFC 8048 §5).
 * Authorizations are between addresses of record and bare JIDs (RFC 6121 §3).
 *
 * @param sipUser     the local SIP user's address of record (no {@code ;gr=})
 * @param xmppContact the remote XMPP contact's bare JID
 */
public record AuthorizationKey(SipAddress sipUser, XmppAddress xmppContact, AuthorizationDirection direction)
        implements StateKey {

    /** Requires an address of record and a bare JID; anything else is a programmer error. */
    public AuthorizationKey {
        requireAddresses(sipUser, xmppContact);
        Objects.requireNonNull(direction, "direction");
    }

    /** Requires an address of record and a bare JID, the addresses authorizations and dialogs are between. */
    static void requireAddresses(SipAddress sipUser, XmppAddress xmppContact) {
        Objects.requireNonNull(sipUser, "sipUser");
        Objects.requireNonNull(xmppContact, "xmppContact");
        if (sipUser.gruu().isPresent()) {
            throw new IllegalArgumentException("authorizations are between addresses of record, not " + sipUser);
        }
        if (xmppContact.isFull()) {
            throw new IllegalArgumentException("authorizations are between bare JIDs, not " + xmppContact);
        }
    }
}
