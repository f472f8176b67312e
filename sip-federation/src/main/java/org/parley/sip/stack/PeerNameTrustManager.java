package org.parley.sip.stack;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.parley.pki.CertificateNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trusts a TLS peer only if its chain leads to the trust anchors (PKIX, by the wrapped manager) <em>and</em>
 * its leaf certificate names the configured edge (RFC 5922 §7.2, RFC 6125 §6.4 via
 * {@link CertificateNames#matches}). Applied in both directions: the gateway only ever talks to the edge,
 * and JSSE checks no name on client certificates, nor on server certificates when connecting by address.
 * A refusal is logged with the expected and the presented names and fails the handshake.
 */
public final class PeerNameTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(PeerNameTrustManager.class);

    private final X509ExtendedTrustManager anchors;
    private final String expectedName;
    private final ConnectionEvents events;

    public PeerNameTrustManager(X509ExtendedTrustManager anchors, String expectedName, ConnectionEvents events) {
        this.anchors = anchors;
        this.expectedName = expectedName;
        this.events = events;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, true, peer(socket), () -> anchors.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, false, peer(socket), () -> anchors.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, true, peer(engine), () -> anchors.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, false, peer(engine), () -> anchors.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, true, "unknown peer", () -> anchors.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, false, "unknown peer", () -> anchors.checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.getAcceptedIssuers();
    }

    private interface ChainCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, boolean inbound, String peer, ChainCheck pkix)
            throws CertificateException {
        String role = inbound ? "client" : "server";
        try {
            pkix.run();
        } catch (CertificateException e) {
            LOG.warn("refused TLS {} {}: certificate not trusted ({}); presented {}", role, peer, e.getMessage(),
                    chain.length == 0 ? "nothing" : CertificateNames.describe(chain[0]));
            events.tlsFailure(TlsFailureReason.UNTRUSTED_CHAIN, inbound, e.getMessage());
            throw e;
        }
        if (!CertificateNames.matches(chain[0], expectedName)) {
            String message = "expected name " + expectedName + ", presented " + CertificateNames.dnsNames(chain[0])
                    + " (subject '" + chain[0].getSubjectX500Principal().getName() + "')";
            LOG.warn("refused TLS {} {}: {}", role, peer, message);
            events.tlsFailure(TlsFailureReason.NAME_MISMATCH, inbound, message);
            throw new CertificateException("peer certificate does not name " + expectedName + ": " + message);
        }
    }

    private static String peer(Socket socket) {
        return socket == null ? "unknown peer" : String.valueOf(socket.getRemoteSocketAddress());
    }

    private static String peer(SSLEngine engine) {
        return engine == null ? "unknown peer" : engine.getPeerHost() + ":" + engine.getPeerPort();
    }
}
