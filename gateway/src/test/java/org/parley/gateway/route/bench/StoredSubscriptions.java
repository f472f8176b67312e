package org.parley.gateway.route.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.AuthorizationState;
import org.parley.gateway.presence.state.PresenceAuthorization;
import org.parley.gateway.presence.state.PresenceStateRepository;
import org.parley.gateway.presence.state.StateChange;
import org.parley.gateway.store.Store;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

/**
 * Writes authorized presence authorizations straight into a stopped gateway's store, through the presence-state
 * repository (the gateway's own store API; opening the store applies its migrations). Without dialogs, as after an
 * expiry: at start-up the gateway subscribes anew for each XMPP-to-SIP one and probes for each SIP-to-XMPP one.
 */
public final class StoredSubscriptions {

    private static final int CHUNK = 5_000;

    private StoredSubscriptions() {
    }

    /** XMPP user {@code xmppUser(n % xmppUsers)@xmppDomain} watching SIP user {@code sipUser n@sipDomain}. */
    public static IntFunction<AuthorizationKey> xmppToSip(String sipUser, String sipDomain, String xmppUser,
                                                          int xmppUsers, String xmppDomain) {
        return n -> new AuthorizationKey(SipAddress.of(sipUser + n, sipDomain),
                XmppAddress.of(xmppUser + (n % xmppUsers), xmppDomain), AuthorizationDirection.XMPP_TO_SIP);
    }

    /** SIP user {@code sipUser(n + 1)@sipDomain} (sipp's call numbers start at 1) watching one XMPP user. */
    public static IntFunction<AuthorizationKey> sipToXmpp(String sipUser, String sipDomain, XmppAddress xmppUser) {
        return n -> new AuthorizationKey(SipAddress.of(sipUser + (n + 1), sipDomain), xmppUser,
                AuthorizationDirection.SIP_TO_XMPP);
    }

    /** Writes the authorizations {@code keys(0..count-1)} to the store at {@code jdbcUrl}, 5,000 a transaction. */
    public static void write(String jdbcUrl, int count, IntFunction<AuthorizationKey> keys) {
        Instant now = Instant.now();
        try (Store store = Store.open(new StoreConfig(jdbcUrl, Optional.empty(), Optional.empty()),
                new SimpleMeterRegistry())) {
            PresenceStateRepository repository = new PresenceStateRepository(store.dataSource());
            for (int first = 0; first < count; first += CHUNK) {
                List<StateChange> changes = new ArrayList<>();
                for (int n = first; n < Math.min(count, first + CHUNK); n++) {
                    changes.add(StateChange.put(PresenceAuthorization.of(keys.apply(n), AuthorizationState.AUTHORIZED,
                            now)));
                }
                repository.write(changes);
            }
        }
    }
}
