package org.parley.gateway.route.presence;

import java.util.List;
import java.util.Optional;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.LastPresence;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.mapper.address.XmppAddress;

/**
 * What the presence routes read about the durable state, from memory only (issue 6 item 5: no database round trip
 * per stanza): {@link org.parley.gateway.presence.state.PresenceStateCache} in the gateway, a fake in tests.
 */
public interface PresenceLookups {

    /** The authorization under {@code key}; empty means none. */
    Optional<PresenceAuthorization> authorization(AuthorizationKey key);

    /** The last known presence of every resource of the bare JID {@code jid}. */
    List<LastPresence> lastPresence(XmppAddress jid);
}
