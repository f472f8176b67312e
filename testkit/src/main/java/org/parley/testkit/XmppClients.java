package org.parley.testkit;

import java.net.InetAddress;
import java.time.Duration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** Real XMPP clients (Smack) for the users of a test {@link ProsodyServer}. */
public final class XmppClients {

    private XmppClients() {
    }

    /**
     * Logs {@code user} in to {@code server} over c2s on its loopback address (no TLS; resource {@code test}),
     * waiting at most {@code replyTimeout} for each answer. The caller disconnects it.
     */
    public static XMPPTCPConnection login(ProsodyServer server, String user, String password, Duration replyTimeout)
            throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHostAddress(InetAddress.getByName(server.ip()))
                .setPort(server.c2sAddress().getPort())
                .setUsernameAndPassword(user, password)
                .setSecurityMode(XMPPTCPConnectionConfiguration.SecurityMode.disabled)
                .setResource("test")
                .build());
        connection.setReplyTimeout(replyTimeout.toMillis());
        connection.connect().login();
        return connection;
    }
}
