/**
 * Pure SIP ↔ XMPP translation for the Parley gateway: immutable records in, records out, no I/O. The module
 * depends on the JDK only.
 *
 * <p>This package owns {@link org.parley.mapper.MappingResult} (mapped or rejected) and
 * {@link org.parley.mapper.Rejection} (stanza error condition + SIP response code). Sub-packages:
 * {@code address} (RFC 7247 §6 address mapping, XEP-0106), {@code error} (RFC 6120 §8.3 stanza errors and the
 * RFC 7247 §7 error tables), {@code im} (message records, isComposing, thread ↔ Call-ID), {@code xmpp2sip} and
 * {@code sip2xmpp} (RFC 7572 messages, RFC 7573 chat states, XEP-0184 receipts), {@code pidf} (RFC 3863 PIDF
 * with RPID, Microsoft enhanced presence categories) and {@code presence} (RFC 8048 presence and subscriptions).
 */
package org.parley.mapper;
