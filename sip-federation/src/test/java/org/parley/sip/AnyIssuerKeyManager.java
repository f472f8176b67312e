package org.parley.sip;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.parley.pki.IssuedCertificate;

/**
 * Presents one certificate whatever CAs the server names: the JDK's own key manager withholds a certificate
 * whose issuer the server did not list, which would turn "self-signed" into "no certificate" in a test.
 */
final class AnyIssuerKeyManager extends X509ExtendedKeyManager {

    private final IssuedCertificate identity;

    AnyIssuerKeyManager(IssuedCertificate identity) {
        this.identity = identity;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return "only";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return "only";
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return "only";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {"only"};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {"only"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return identity.key();
    }
}
