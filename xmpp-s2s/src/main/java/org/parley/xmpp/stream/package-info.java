/**
 * The XMPP stream layer for Netty (RFC 6120 §4 streams, §11 XML usage, §13.12 resource limits).
 *
 * <p>Owns: the immutable, prefix-free XML model ({@link org.parley.xmpp.stream.XmlElement},
 * {@link org.parley.xmpp.stream.XmlText}, {@link org.parley.xmpp.stream.AttributeName}); the inbound
 * {@link org.parley.xmpp.stream.XmppStreamDecoder}, which parses bytes incrementally with Aalto's
 * non-blocking parser into {@link org.parley.xmpp.stream.StreamEvent}s while enforcing restricted XML
 * (§11.1), UTF-8 (§11.6) and {@link org.parley.xmpp.stream.StreamLimits}; the outbound
 * {@link org.parley.xmpp.stream.XmppStreamEncoder} for headers, elements, stream errors (§4.9) and stream
 * close (§4.4). Stream negotiation (STARTTLS, dialback, SASL) and policy live in other packages; they
 * react to events and call {@link org.parley.xmpp.stream.XmppStreamDecoder#reset()} when a new stream
 * starts on the same connection. Stream compression (XEP-0138) is deliberately absent.
 */
package org.parley.xmpp.stream;
