/**
 * Immutable stanzas as they leave and enter the s2s module (RFC 6120 §8): {@link org.parley.xmpp.stanza.Jid}
 * addresses checked per RFC 7622, {@link org.parley.xmpp.stanza.Stanza} records carrying the immutable element,
 * and stanza errors as values with the RFC 6120 §8.3.3 condition table. No DOM objects; nothing here does I/O.
 */
package org.parley.xmpp.stanza;
