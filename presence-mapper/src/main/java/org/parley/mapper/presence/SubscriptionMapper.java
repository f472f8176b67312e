package org.parley.mapper.presence;

import java.util.Objects;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

/**
 * Translates presence-authorization traffic between the two sides (RFC 8048 §5, §7): an XMPP stanza from a remote
 * XMPP user into the {@link SubscribeIntent} of the action {@link XmppPresenceAction} chose, and a SIP user's
 * request into the XMPP stanza {@link InboundSubscribeAction} calls for. Authorization stanzas go between bare
 * JIDs (RFC 6121 §3), SUBSCRIBEs between addresses of record. Immutable and thread-safe.
 */
public final class SubscriptionMapper {

    private final AddressMapper addresses;
    private final SubscriptionSettings settings;

    /** @param settings gives the Expires of SUBSCRIBE and REFRESH intents */
    public SubscriptionMapper(AddressMapper addresses, SubscriptionSettings settings) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The SUBSCRIBE of {@code kind} for {@code stanza}, from its sender (the XMPP user) to its addressee (the SIP
     * user): Examples 2 (subscribe), 8 (unsubscribe) and 23 (probe → fetch) of RFC 8048.
     */
    public MappingResult<SubscribeIntent> intent(XmppPresence stanza, SubscribeIntent.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return intent(stanza.from(), stanza.to(), kind);
    }

    /**
     * The SUBSCRIBE of {@code kind} from XMPP user {@code watcher} to SIP user {@code presentity}, e.g. a refresh
     * before expiry (§5.2.2) or a new subscription after a restart.
     */
    public MappingResult<SubscribeIntent> intent(XmppAddress watcher, XmppAddress presentity,
                                                 SubscribeIntent.Kind kind) {
        int expires = kind.endsAtOnce() ? 0 : settings.expiresSeconds();
        return addresses.toSip(watcher.bare(), Party.REMOTE_XMPP_USER).flatMap(subscriber ->
                addresses.toSip(presentity.bare(), Party.LOCAL_SIP_USER).map(target ->
                        new SubscribeIntent(kind, subscriber, target, expires)));
    }

    /**
     * The XMPP stanza of {@code type} from SIP user {@code sipUser} to XMPP contact {@code xmppContact}, both as
     * bare JIDs: {@code subscribe} for a new SUBSCRIBE (Example 12), {@code probe} for a fetch (Example 25),
     * {@code unavailable} when the SIP user ends its dialog (§5.3.3).
     *
     * @throws IllegalArgumentException for {@link PresenceType#ERROR}, which needs an error
     */
    public MappingResult<XmppPresence> toXmpp(SipAddress sipUser, SipAddress xmppContact, PresenceType type) {
        if (type == PresenceType.ERROR) {
            throw new IllegalArgumentException("an error presence needs a stanza error; use XmppPresence.error");
        }
        return addresses.toXmpp(sipUser.withoutGruu(), Party.LOCAL_SIP_USER).flatMap(from ->
                addresses.toXmpp(xmppContact.withoutGruu(), Party.REMOTE_XMPP_USER).map(to ->
                        XmppPresence.of(type, from, to)));
    }
}
