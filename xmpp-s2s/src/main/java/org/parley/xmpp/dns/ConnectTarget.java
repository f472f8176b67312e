package org.parley.xmpp.dns;

/**
 * One place to try to connect to a remote XMPP server (RFC 6120 §3.2).
 *
 * @param host      the host name from the SRV record (or the domain itself on fallback)
 * @param port      TCP port
 * @param directTls whether TLS starts immediately (XEP-0368 {@code _xmpps-server}) rather than with STARTTLS
 */
public record ConnectTarget(String host, int port, boolean directTls) {

    /** The default XMPP server-to-server port (RFC 6120 §14.7). */
    public static final int DEFAULT_PORT = 5269;

    @Override
    public String toString() {
        return host + ":" + port + (directTls ? " (direct TLS)" : "");
    }
}
