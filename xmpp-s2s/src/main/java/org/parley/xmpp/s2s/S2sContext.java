package org.parley.xmpp.s2s;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What every s2s stream handler shares: settings, TLS contexts, policy, the single {@link Authenticator},
 * metrics and the source of stream ids.
 */
record S2sContext(S2sSettings settings, TlsContexts tls, PeerPolicy policy, Authenticator authenticator,
                  S2sMetrics metrics, SecureRandom random) {

    /** The shared parts for {@code settings}, {@code policy} and {@code metrics}. */
    static S2sContext of(S2sSettings settings, PeerPolicy policy, S2sMetrics metrics, SecureRandom random) {
        return new S2sContext(settings, TlsContexts.of(settings.tls()), policy,
                new Authenticator(policy, settings.tls().mode(), metrics), metrics, random);
    }

    /** A fresh unguessable stream id (RFC 6120 §4.7.3, XEP-0220 §2.1.1: at least 128 bits). */
    String newStreamId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
