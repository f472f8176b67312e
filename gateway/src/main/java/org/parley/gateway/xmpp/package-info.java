/**
 * The gateway's side of XMPP federation: the s2s module (RFC 6120 server-to-server, XEP-0220 dialback, XEP-0178
 * SASL EXTERNAL) configured from {@code <xmpp>}, its peer policy answered by the live allow list, offering the
 * XMPP outbound port to the routes.
 */
package org.parley.gateway.xmpp;
