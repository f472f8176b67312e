package org.parley.gateway.allowlist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the allow list: a remote domain, its {@link DomainPolicy} fields, who defined it, and when it was
 * created and last changed (UTC instants, microsecond precision as stored).
 */
public record AllowListEntry(DomainName domain, TlsPolicy tls, AuthPolicy auth, Optional<String> host,
                             OptionalInt port, boolean enabled, Origin origin, Instant createdAt, Instant updatedAt) {

    /** @throws IllegalArgumentException for an invalid host or port override (see {@link DomainPolicy}) */
    public AllowListEntry {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        new DomainPolicy(tls, auth, host, port, enabled);
    }

    /** An entry with the fields of {@code policy}. */
    public static AllowListEntry of(DomainName domain, DomainPolicy policy, Origin origin, Instant createdAt,
                                    Instant updatedAt) {
        return new AllowListEntry(domain, policy.tls(), policy.auth(), policy.host(), policy.port(), policy.enabled(),
                origin, createdAt, updatedAt);
    }

    /** The changeable fields as a policy. */
    public DomainPolicy policy() {
        return new DomainPolicy(tls, auth, host, port, enabled);
    }

    /** This entry with a new policy and origin, changed at {@code updatedAt}; {@code createdAt} is kept. */
    public AllowListEntry changed(DomainPolicy policy, Origin newOrigin, Instant changedAt) {
        return of(domain, policy, newOrigin, createdAt, changedAt);
    }

    /** One line for logs and the CLI: the domain, the policy, and the origin. */
    public String describe() {
        return domain + " (" + policy().describe() + ", from " + origin.token() + ")";
    }
}
