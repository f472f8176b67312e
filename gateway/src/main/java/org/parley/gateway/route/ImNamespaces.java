package org.parley.gateway.route;

/** The XML namespaces of the IM extensions the routes read and write. */
final class ImNamespaces {

    /** XEP-0184 message delivery receipts. */
    static final String RECEIPTS = "urn:xmpp:receipts";
    /** XEP-0085 chat state notifications. */
    static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";
    /** XEP-0071 XHTML-IM wrapper element {@code <html/>}. */
    static final String XHTML_IM = "http://jabber.org/protocol/xhtml-im";
    /** The XHTML {@code <body/>} inside XEP-0071's wrapper. */
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private ImNamespaces() {
    }
}
