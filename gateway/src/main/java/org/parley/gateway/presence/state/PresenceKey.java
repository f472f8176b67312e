package org.parley.gateway.presence.state;

import java.util.Objects;
import org.parley.mapper.address.XmppAddress;

/**
 * The key of a last known presence: the full JID of the resource it came from, or a bare JID for presence sent
 * from a bare JID.
 */
public record PresenceKey(XmppAddress from) implements StateKey {

    /** Requires an address. */
    public PresenceKey {
        Objects.requireNonNull(from, "from");
    }
}
