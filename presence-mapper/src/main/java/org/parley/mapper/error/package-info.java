/**
 * XMPP stanza errors (RFC 6120 §8.3) and their mapping to and from SIP response codes (RFC 7247 §7, "Error
 * Mapping": Table 2 XMPP → SIP, Table 3 SIP → XMPP), held as data in {@link org.parley.mapper.error.ErrorMapping}.
 * Depends on nothing else in the module.
 *
 * <p>{@link org.parley.mapper.error.StanzaErrorCondition} and {@link org.parley.mapper.error.StanzaErrorType} are the
 * gateway's one table of RFC 6120 §8.3.2/§8.3.3 conditions and types: the s2s module ({@code xmpp-s2s}) depends on
 * this module for them and writes and reads them on the wire, so translation and transport never need converting.
 */
package org.parley.mapper.error;
