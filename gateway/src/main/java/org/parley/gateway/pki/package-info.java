/**
 * Certificates and private keys of the gateway: reading and writing PEM files (RFC 7468), the names a
 * certificate is valid for (RFC 6125 §6.4, as required by RFC 6120 §13.7 for XMPP and RFC 5922 §7 for SIP),
 * a development certificate authority for {@code parley certs init} and first-run generation, and the JSSE key
 * and trust managers the XMPP and SIP transports are built with. BouncyCastle is used through its lightweight
 * and JCA-converter APIs only; no security provider is registered globally.
 */
package org.parley.gateway.pki;
