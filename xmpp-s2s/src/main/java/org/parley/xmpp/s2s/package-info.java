/**
 * XMPP server-to-server federation on Netty (RFC 6120 §4–§6, §8, §13; XEP-0220 Server Dialback with XEP-0185
 * keys; XEP-0178 SASL EXTERNAL; XEP-0199 ping; XEP-0030 disco for the gateway's own domain).
 *
 * <p>Public surface: {@link org.parley.xmpp.s2s.XmppFederation} (wires {@link org.parley.xmpp.s2s.S2sServer},
 * the listener, and {@link org.parley.xmpp.s2s.S2sClient}, the outbound routes), configured by
 * {@link org.parley.xmpp.s2s.S2sSettings}, governed by the {@link org.parley.xmpp.s2s.PeerPolicy} hook, and the
 * two ports {@link org.parley.xmpp.s2s.XmppInbound} and {@link org.parley.xmpp.s2s.XmppOutbound}.
 *
 * <p>Inside: {@code InboundSession} and {@code OutboundSession} run one stream each; on an inbound stream
 * {@code InboundExternal} (XEP-0178) and {@code InboundDialback} (receiving and authoritative roles) authenticate,
 * and {@code InboundStanzas} checks every stanza; {@code Authenticator} is the single place where a stream's
 * authenticated domain pairs change and policy is applied; {@code OutboundRoute} keeps one stream per domain pair
 * with a bounded queue that bounces on failure, {@code PendingVerifies} its {@code db:verify} requests, and
 * {@code OutboundLiveness} pings quiet peers and closes idle streams; {@code RouteStates} turns how streams end
 * ({@code SessionEnd}) into one {@link org.parley.xmpp.s2s.RouteState} report per domain and transition. Direct TLS (XEP-0368) is used for
 * {@code _xmpps-server} targets and accepted on the listening port. Event loops never block: DNS is asynchronous and the
 * policy answers from memory.
 */
package org.parley.xmpp.s2s;
