package org.parley.xmpp.dns;

import java.util.concurrent.CompletionStage;

/** Finds where a remote XMPP domain's server-to-server service is (RFC 6120 §3.2, XEP-0368). */
public interface PeerResolver {

    /** SRV lookups for {@code domain}, in the order to try; completes normally, also on failure. */
    CompletionStage<Resolution> resolveServer(String domain);

    /** A and AAAA lookups for {@code host}; completes normally, also on failure. */
    CompletionStage<AddressResolution> resolveAddresses(String host);
}
