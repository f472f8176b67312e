package org.parley.xmpp.s2s;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.parley.pki.CertificateNames;

/**
 * The authentication state of one s2s stream: direction, whether TLS is up, what the peer's certificate proved,
 * and the domain pairs authenticated on it (XEP-0220 §1.3). Only {@link Authenticator} adds pairs. Confined to
 * the stream's event loop.
 */
final class SessionState {

    /** Who opened the TCP connection. */
    enum Direction { INBOUND, OUTBOUND }

    private final Direction direction;
    private final Set<DomainPair> authenticated = new LinkedHashSet<>();
    private boolean secured;
    private List<X509Certificate> peerChain = List.of();
    private boolean chainTrusted;

    SessionState(Direction direction) {
        this.direction = direction;
    }

    Direction direction() {
        return direction;
    }

    boolean secured() {
        return secured;
    }

    /** Records the finished TLS handshake and what the peer's chain proved. */
    void secured(List<X509Certificate> chain, boolean trusted) {
        this.secured = true;
        this.peerChain = List.copyOf(chain);
        this.chainTrusted = trusted && !chain.isEmpty();
    }

    /** Whether the peer presented a chain to our trust anchors naming {@code domain} (RFC 6125, XEP-0178). */
    boolean certificateValidFor(String domain) {
        return secured && chainTrusted && CertificateNames.matches(peerChain.get(0), domain);
    }

    /** A short description of the peer certificate for logs. */
    String certificateDescription() {
        if (peerChain.isEmpty()) {
            return "no certificate";
        }
        return CertificateNames.describe(peerChain.get(0)) + (chainTrusted ? "" : " (untrusted)");
    }

    boolean isAuthenticated(DomainPair pair) {
        return authenticated.contains(pair);
    }

    boolean anyAuthenticated() {
        return !authenticated.isEmpty();
    }

    /** Whether {@code remote} is authenticated with any of our domains. */
    boolean remoteAuthenticated(String remote) {
        return authenticated.stream().anyMatch(p -> p.remote().equals(remote));
    }

    Set<DomainPair> authenticated() {
        return Collections.unmodifiableSet(authenticated);
    }

    /** Package-private on purpose: called by {@link Authenticator} only. */
    void addAuthenticated(DomainPair pair) {
        authenticated.add(pair);
    }
}
