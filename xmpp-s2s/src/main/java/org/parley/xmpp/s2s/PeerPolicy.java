package org.parley.xmpp.s2s;

/**
 * The hook through which the gateway's live allow list decides, per remote domain, whether streams from or to
 * it are accepted and under which TLS and authentication requirements. Asked for every new inbound stream that
 * names its domain, for every domain authenticated, and before every outbound connection, so changes take effect
 * on the next attempt.
 *
 * <p>Called on Netty event loops: implementations must answer from memory and never block (no JDBC).
 */
@FunctionalInterface
public interface PeerPolicy {

    /** The decision for the (normalised) remote domain. */
    PeerDecision decide(String remoteDomain);

    /** Open federation: every domain permitted with TLS optional and any authentication. */
    static PeerPolicy open() {
        return PeerDecision.Permitted::open;
    }
}
