package org.parley.gateway.route.presence;

import java.util.HashMap;
import java.util.Map;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

/**
 * One object per address and per authorization key while stored state is restored (RFC 8048 §5.2.2, after a
 * restart): every row read from the store brings its own copies, and an XMPP user watching fifty SIP users would
 * otherwise be held fifty times by the subscriptions that live on. Used for one restore, then dropped; not
 * thread-safe.
 */
final class SharedKeys {

    private final Map<SipAddress, SipAddress> users = new HashMap<>();
    private final Map<XmppAddress, XmppAddress> contacts = new HashMap<>();
    private final Map<AuthorizationKey, AuthorizationKey> keys = new HashMap<>();

    /** The key equal to {@code key} seen first, holding the address objects seen first. */
    AuthorizationKey of(AuthorizationKey key) {
        return keys.computeIfAbsent(key, given -> {
            SipAddress user = users.computeIfAbsent(given.sipUser(), u -> u);
            XmppAddress contact = contacts.computeIfAbsent(given.xmppContact(), c -> c);
            return user == given.sipUser() && contact == given.xmppContact() ? given
                    : new AuthorizationKey(user, contact, given.direction());
        });
    }
}
