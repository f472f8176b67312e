package org.parley.xmpp.s2s;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What {@link PeerPolicy} decided for one remote domain. */
public sealed interface PeerDecision {

    /** The remote domain decided on. */
    String domain();

    /**
     * Federation with {@code domain} may proceed.
     *
     * @param host an override of the host to connect to (wins over DNS SRV)
     * @param port an override of the port (with or without {@code host}; 5269 when only a host is given)
     */
    record Permitted(String domain, TlsRequirement tls, AuthRequirement auth, Optional<String> host,
                     OptionalInt port) implements PeerDecision {
        public Permitted {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(port, "port");
        }

        /** Permitted with TLS optional, any authentication, DNS resolution (open federation). */
        public static Permitted open(String domain) {
            return new Permitted(domain, TlsRequirement.OPTIONAL, AuthRequirement.ANY, Optional.empty(),
                    OptionalInt.empty());
        }
    }

    /** Federation with {@code domain} is refused; {@code reason} is logged, e.g. "is not on the allow list". */
    record Refused(String domain, String reason) implements PeerDecision {
        public Refused {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
