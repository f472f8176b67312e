/**
 * Finding a remote XMPP server: DNS SRV for {@code _xmpps-server._tcp} (XEP-0368, direct TLS) then
 * {@code _xmpp-server._tcp} (RFC 6120 §3.2.1), ordered by priority and weight (RFC 2782), falling back to the
 * domain's A/AAAA records on port 5269 (RFC 6120 §3.2.2). Lookups go to a configurable resolver (dnsjava) and
 * return failures as {@link org.parley.xmpp.dns.Resolution.Failed} values, never as exceptions.
 */
package org.parley.xmpp.dns;
