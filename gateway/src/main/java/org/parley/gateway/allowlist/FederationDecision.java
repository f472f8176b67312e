package org.parley.gateway.allowlist;

import java.util.Objects;
import java.util.Optional;

/**
 * The allow list's answer for a remote domain that wants to federate (or that the gateway wants to reach): the
 * s2s layer applies a {@link Permitted} policy to the stream, and closes the stream on {@link Refused} (RFC 6120
 * §4.9.3.14 {@code <policy-violation/>}, or refuses to open an outbound one).
 */
public sealed interface FederationDecision {

    /** The remote domain decided on. */
    DomainName domain();

    /**
     * Federation may proceed under {@code policy}: the entry's own, or {@link DomainPolicy#OPEN_MODE_DEFAULT} for
     * an unlisted domain in open mode ({@code entry} is then empty).
     */
    record Permitted(DomainName domain, DomainPolicy policy, Optional<AllowListEntry> entry)
            implements FederationDecision {
        public Permitted {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Federation is refused, for {@code reason}. */
    record Refused(DomainName domain, Reason reason) implements FederationDecision {
        public Refused {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(reason, "reason");
        }

        /** For logs: e.g. {@code "evil.test is not on the allow list"}. */
        public String explanation() {
            return domain + " " + reason.text;
        }
    }

    /** Why a domain is refused. */
    enum Reason {
        /** Federation mode is {@code allow-list} and the domain has no entry. */
        NOT_LISTED("is not on the allow list"),
        /** The domain's entry is disabled (in either federation mode). */
        DISABLED("is disabled on the allow list");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }
}
