package org.parley.xmpp.stream;

/**
 * Outbound message asking {@link XmppStreamEncoder} to write {@code </stream:stream>} (RFC 6120 §4.4).
 */
public record StreamClose() {
}
