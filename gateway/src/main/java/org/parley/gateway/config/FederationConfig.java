package org.parley.gateway.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.TlsPolicy;

/**
 * {@code <federation mode>}: which remote XMPP domains may federate. Entries are upserted into the store at
 * start-up with origin {@code config}.
 */
public record FederationConfig(Mode mode, List<DomainEntry> domains) {

    public FederationConfig {
        domains = List.copyOf(domains);
    }

    /** {@code allow-list}: only listed, enabled domains; {@code open}: any domain that authenticates. */
    public enum Mode { ALLOW_LIST, OPEN }

    /** {@code <domain name tls auth host port enabled>}; {@code name} is normalised (IDNA, lower case). */
    public record DomainEntry(String name, TlsPolicy tls, AuthPolicy auth, Optional<String> host,
                              OptionalInt port, boolean enabled) { }
}
