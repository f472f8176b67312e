/**
 * Pure SIP ↔ XMPP translation for the Parley gateway: immutable records in, records out, no I/O. The module
 * depends on the JDK only.
 *
 * <p>This package owns {@link org.parley.mapper.MappingResult} (mapped or rejected) and
 * {@link org.parley.mapper.Rejection} (stanza error condition + SIP response code). Sub-packages:
 * {@code address} (RFC 7247 §6 address mapping, XEP-0106), {@code error} (RFC 6120 §8.3 stanza errors and the
 * RFC 7247 §7 error tables).
 */
package org.parley.mapper;
