/**
 * Immutable stanzas as they leave and enter the s2s module (RFC 6120 §8): {@link org.parley.xmpp.stanza.Jid}
 * addresses checked per RFC 7622, {@link org.parley.xmpp.stanza.Stanza} records carrying the immutable element,
 * and stanza errors as values with their XML form; the RFC 6120 §8.3.3 condition table itself is
 * {@link org.parley.mapper.error.StanzaErrorCondition}, shared with the translation module. No DOM objects; nothing
 * here does I/O.
 */
package org.parley.xmpp.stanza;
