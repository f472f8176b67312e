package org.parley.gateway.allowlist;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the gateway federates with one remote domain: TLS policy (RFC 6120 §5), authentication policy (XEP-0178
 * SASL EXTERNAL, XEP-0220 dialback, or either), an optional host and port to connect to instead of SRV
 * resolution, and whether federation is enabled at all. The changeable part of an {@link AllowListEntry}.
 *
 * @param host an override for the host to connect to; never blank, at most 253 characters
 * @param port an override for the port, 1–65535
 */
public record DomainPolicy(TlsPolicy tls, AuthPolicy auth, Optional<String> host, OptionalInt port, boolean enabled) {

    /**
     * The policy for a domain that is not listed when federation is {@code open}: TLS when the peer offers it,
     * any authentication method that succeeds, normal DNS resolution.
     */
    public static final DomainPolicy OPEN_MODE_DEFAULT =
            new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.ANY, Optional.empty(), OptionalInt.empty(), true);

    /** @throws IllegalArgumentException for a blank or over-long host or a port outside 1–65535 */
    public DomainPolicy {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        host.ifPresent(h -> {
            if (h.isBlank() || h.length() > 253) {
                throw new IllegalArgumentException("host override must be 1-253 non-blank characters: '" + h + "'");
            }
        });
        port.ifPresent(p -> {
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port override must be 1-65535: " + p);
            }
        });
    }

    /** An enabled policy without host or port override. */
    public static DomainPolicy of(TlsPolicy tls, AuthPolicy auth) {
        return new DomainPolicy(tls, auth, Optional.empty(), OptionalInt.empty(), true);
    }

    /** One line for logs and the CLI, e.g. {@code tls=required auth=external host=xmpp.partner.test port=5269 enabled}. */
    public String describe() {
        StringBuilder text = new StringBuilder("tls=").append(tls.token()).append(" auth=").append(auth.token());
        host.ifPresent(h -> text.append(" host=").append(h));
        port.ifPresent(p -> text.append(" port=").append(p));
        return text.append(enabled ? " enabled" : " disabled").toString();
    }
}
