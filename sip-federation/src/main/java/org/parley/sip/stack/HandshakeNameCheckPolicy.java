package org.parley.sip.stack;

import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;

/**
 * The stack's post-handshake policy hook, deliberately empty: the edge's name is already enforced during
 * the handshake by {@link PeerNameTrustManager}, so a wrong peer never gets this far. Configured only to
 * replace the stack's default policy.
 */
public final class HandshakeNameCheckPolicy implements TlsSecurityPolicy {

    @Override
    public void enforceTlsPolicy(ClientTransactionExt transaction) {
        // checked in PeerNameTrustManager
    }
}
