package org.parley.xmpp.s2s;

import java.util.Objects;

/**
 * The unit of s2s authentication (XEP-0220 §1.3, RFC 6120 §13.7): one of our domains and one remote domain.
 *
 * @param local  a served domain
 * @param remote the peer's domain
 */
record DomainPair(String local, String remote) {

    DomainPair {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    @Override
    public String toString() {
        return local + "<->" + remote;
    }
}
