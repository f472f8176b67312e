/**
 * XMPP → SIP: messages from remote XMPP users to local SIP users ({@link
 * org.parley.gateway.route.xmpp2sip.XmppToSipRoute}, the s2s module's inbound port), sent as SIP MESSAGEs (RFC 3428,
 * RFC 7572 §4) through the SIP outbound port; the sender learns the SIP outcome (RFC 7247 §7.2 error table,
 * XEP-0184 receipt on 200, {@code remote-server-timeout} when the SIP side does not answer or cannot be reached).
 */
package org.parley.gateway.route.xmpp2sip;
