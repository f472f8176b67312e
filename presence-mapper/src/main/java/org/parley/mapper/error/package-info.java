/**
 * XMPP stanza errors (RFC 6120 §8.3) and their mapping to and from SIP response codes (RFC 7247 §7, "Error
 * Mapping": Table 2 XMPP → SIP, Table 3 SIP → XMPP), held as data in {@link org.parley.mapper.error.ErrorMapping}.
 * Depends on nothing else in the module.
 */
package org.parley.mapper.error;
