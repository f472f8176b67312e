package org.parley.xmpp.dns;

import java.util.List;

/** Outcome of resolving where a remote XMPP domain's server is (RFC 6120 §3.2): targets in order, or why not. */
public sealed interface Resolution {

    /** Targets to try in order; never empty. */
    record Found(List<ConnectTarget> targets) implements Resolution {
        public Found {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no targets");
            }
        }
    }

    /** No target: the failure kind and a detail for logs. */
    record Failed(DnsFailure failure, String detail) implements Resolution { }
}
