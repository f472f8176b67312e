package org.parley.sip.stack;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Replaces JAIN-SIP's default security manager provider, which reads the JVM-wide {@code javax.net.ssl.*}
 * key and trust stores. The blocking TLS processor never asks for managers ({@link TlsNetworkLayer} builds
 * every socket from the gateway's own context); should anything ask, it gets none and fails closed.
 */
public final class FailClosedSecurityManagerProvider implements SecurityManagerProvider {

    @Override
    public void init(Properties properties) {
        // nothing to load
    }

    @Override
    public KeyManager[] getKeyManagers(boolean client) {
        return new KeyManager[0];
    }

    @Override
    public TrustManager[] getTrustManagers(boolean client) {
        return new TrustManager[0];
    }
}
