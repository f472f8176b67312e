/**
 * SIP → XMPP: MESSAGEs from local SIP users to remote XMPP users ({@link
 * org.parley.gateway.route.sip2xmpp.SipToXmppRoute}, the SIP module's inbound port), sent as XMPP messages (RFC 7572
 * §5) through s2s; the SIP transaction is answered with the RFC 7247 §7.1 code of an XMPP error arriving within the
 * bounded wait, 200 on a XEP-0184 receipt, else 202 Accepted (RFC 3428 §7). Loop detection by Via (RFC 3261 §16.3).
 */
package org.parley.gateway.route.sip2xmpp;
