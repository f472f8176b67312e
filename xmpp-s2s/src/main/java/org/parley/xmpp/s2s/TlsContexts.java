package org.parley.xmpp.s2s;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.parley.pki.TlsMaterial;

/**
 * The TLS contexts of s2s streams (RFC 6120 §5, §13.7.2). The handshake itself accepts any peer chain: a peer
 * whose certificate we cannot verify may still authenticate with dialback (XEP-0220 §2.1, "dialback over TLS"),
 * so the chain is checked afterwards, against the configured trust anchors, by {@link #peerChainTrusted} and the
 * RFC 6125 name check in {@link SessionState#certificateValidFor(String)}. The server asks for a client
 * certificate without requiring one; the client presents ours. The direct-TLS contexts (XEP-0368) are the same
 * with ALPN protocol {@code xmpp-server} offered.
 */
final class TlsContexts {

    /** The ALPN protocol name of direct-TLS s2s streams (XEP-0368 §3). */
    static final String ALPN_XMPP_SERVER = "xmpp-server";

    private final Optional<SslContext> server;
    private final Optional<SslContext> client;
    private final Optional<SslContext> directServer;
    private final Optional<SslContext> directClient;
    private final Optional<X509TrustManager> trust;

    private TlsContexts(Optional<SslContext> server, Optional<SslContext> client, Optional<SslContext> directServer,
                        Optional<SslContext> directClient, Optional<X509TrustManager> trust) {
        this.server = server;
        this.client = client;
        this.directServer = directServer;
        this.directClient = directClient;
        this.trust = trust;
    }

    static TlsContexts of(TlsSettings settings) {
        if (settings.mode() == TlsMode.DISABLED) {
            return new TlsContexts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        try {
            return new TlsContexts(Optional.of(server(settings).build()), Optional.of(client(settings).build()),
                    Optional.of(server(settings).applicationProtocolConfig(ALPN).build()),
                    Optional.of(client(settings).applicationProtocolConfig(ALPN).build()),
                    Optional.of(x509(settings.trustManagers().orElseThrow().getTrustManagers())));
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot build TLS contexts: " + e.getMessage(), e);
        }
    }

    private static final ApplicationProtocolConfig ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN, ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_XMPP_SERVER);

    private static SslContextBuilder server(TlsSettings settings) {
        return SslContextBuilder.forServer(settings.keyManagers().orElseThrow()).sslProvider(SslProvider.JDK)
                .protocols(TlsMaterial.PROTOCOLS).trustManager(InsecureTrustManagerFactory.INSTANCE)
                .clientAuth(ClientAuth.OPTIONAL);
    }

    private static SslContextBuilder client(TlsSettings settings) {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(TlsMaterial.PROTOCOLS)
                .keyManager(settings.keyManagers().orElseThrow()).trustManager(InsecureTrustManagerFactory.INSTANCE);
    }

    /** For STARTTLS on inbound streams. */
    Optional<SslContext> server() {
        return server;
    }

    /** For STARTTLS on outbound streams. */
    Optional<SslContext> client() {
        return client;
    }

    /** For inbound streams that start with a TLS handshake (XEP-0368), with ALPN. */
    Optional<SslContext> directServer() {
        return directServer;
    }

    /** For outbound streams to {@code _xmpps-server} targets (XEP-0368), with ALPN. */
    Optional<SslContext> directClient() {
        return directClient;
    }

    /** The peer's chain, leaf first; empty when it sent none. */
    static List<X509Certificate> peerChain(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    /** Whether {@code chain} leads to a configured trust anchor (PKIX, validity, key usage for the role). */
    boolean peerChainTrusted(List<X509Certificate> chain, boolean peerIsServer) {
        if (chain.isEmpty() || trust.isEmpty()) {
            return false;
        }
        X509Certificate[] array = chain.toArray(X509Certificate[]::new);
        String authType = array[0].getPublicKey().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" : "ECDHE_RSA";
        try {
            if (peerIsServer) {
                trust.get().checkServerTrusted(array, authType);
            } else {
                trust.get().checkClientTrusted(array, array[0].getPublicKey().getAlgorithm());
            }
            return true;
        } catch (CertificateException | IllegalArgumentException e) {
            return false;
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalArgumentException("no X.509 trust manager configured");
    }
}
