package org.parley.xmpp.stream;

/** Namespace names used by the stream layer (RFC 6120 §4.8, §4.9.3, §11.2; XEP-0220 §2). */
public final class XmppNamespaces {

    /** The stream namespace, qualifying {@code <stream:stream>}, features and errors (RFC 6120 §4.8.1). */
    public static final String STREAMS = "http://etherx.jabber.org/streams";
    /** Content namespace of server-to-server streams (RFC 6120 §4.8.3). */
    public static final String SERVER = "jabber:server";
    /** Content namespace of client-to-server streams (RFC 6120 §4.8.3). */
    public static final String CLIENT = "jabber:client";
    /** Server Dialback (XEP-0220 §2.1), usually bound to the prefix {@code db}. */
    public static final String DIALBACK = "jabber:server:dialback";
    /** Defined stream error conditions (RFC 6120 §4.9.3). */
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** STARTTLS negotiation (RFC 6120 §5.4). */
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    /** SASL negotiation (RFC 6120 §6.4). */
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    /** The namespace bound to the {@code xml} prefix (Namespaces in XML 1.0 §3). */
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** The namespace of {@code xmlns} declarations (Namespaces in XML 1.0 §3). */
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private XmppNamespaces() {
    }
}
