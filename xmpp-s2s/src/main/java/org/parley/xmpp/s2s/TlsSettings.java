package org.parley.xmpp.s2s;

import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of s2s streams (RFC 6120 §5, §13.7): the mode, the key managers presenting the certificate of the served
 * domains (as server and, when connecting out, as client), and the trust managers that peer certificates are
 * checked against (system trust plus an optional CA file, see {@code org.parley.pki.TlsMaterial}).
 *
 * @param mode          the gateway-wide policy
 * @param keyManagers   our certificate and key; required unless {@code mode} is {@link TlsMode#DISABLED}
 * @param trustManagers anchors for peer certificates (SASL EXTERNAL, XEP-0178)
 */
public record TlsSettings(TlsMode mode, Optional<KeyManagerFactory> keyManagers, Optional<TrustManagerFactory> trustManagers) {

    public TlsSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(keyManagers, "keyManagers");
        Objects.requireNonNull(trustManagers, "trustManagers");
        if (mode != TlsMode.DISABLED && (keyManagers.isEmpty() || trustManagers.isEmpty())) {
            throw new IllegalArgumentException("TLS mode " + mode + " needs key and trust managers");
        }
    }

    /** No TLS. */
    public static TlsSettings disabled() {
        return new TlsSettings(TlsMode.DISABLED, Optional.empty(), Optional.empty());
    }

    /** TLS in {@code mode} with these managers. */
    public static TlsSettings of(TlsMode mode, KeyManagerFactory keyManagers, TrustManagerFactory trustManagers) {
        return new TlsSettings(mode, Optional.of(keyManagers), Optional.of(trustManagers));
    }
}
