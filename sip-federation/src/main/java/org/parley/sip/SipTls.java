package org.parley.sip;

import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.parley.pki.TlsMaterial;

/**
 * The gateway's TLS identity for SIP: a key manager presenting its certificate (in both roles: server for the
 * edge's connections, client toward the edge) and a trust manager holding the trust anchors. Peer names are
 * checked on top of these by the stack (JSSE checks none for this use).
 */
public record SipTls(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager anchors) {

    public SipTls {
        Objects.requireNonNull(keyManager, "keyManager");
        Objects.requireNonNull(anchors, "anchors");
    }

    /** The managers of loaded PEM material. */
    public static SipTls of(TlsMaterial material) {
        return new SipTls(pick(material.keyManagerFactory().getKeyManagers(), X509ExtendedKeyManager.class),
                pick(material.trustManagerFactory().getTrustManagers(), X509ExtendedTrustManager.class));
    }

    private static <T> T pick(Object[] managers, Class<T> type) {
        return Arrays.stream(managers).filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " among "
                        + Arrays.toString(managers)));
    }

}
