package org.parley.xmpp.stream;

/**
 * A node of the immutable XML tree carried by XMPP streams: an {@link XmlElement} or a run of
 * {@link XmlText}. Comments, processing instructions and entity references cannot occur (RFC 6120 §11.1).
 */
public sealed interface XmlNode permits XmlElement, XmlText {
}
