/**
 * The JAIN-SIP (jain-sip-ri) stack and its hooks: {@link org.parley.sip.stack.SipStackFactory} turns settings
 * into the stack's properties (the only place naming them); the network layer, router, message valve,
 * security-manager provider and TLS policy are the classes the stack instantiates by name, and the only
 * classes here that implement {@code gov.nist} interfaces. Peer names (RFC 5922 §7.2, RFC 6125 §6.4) are
 * enforced during the TLS handshake by {@link org.parley.sip.stack.PeerNameTrustManager}.
 */
package org.parley.sip.stack;
