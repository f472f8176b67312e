package org.parley.sip.stack;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Builds the stack's sockets from the gateway's own {@code SSLContext} (never from {@code javax.net.ssl.*}
 * system properties): TLS 1.3/1.2 with AES-GCM suites ({@link SipStackFactory#PROTOCOLS},
 * {@link SipStackFactory#CIPHER_SUITES}), a client certificate required on the listener
 * ({@link InboundServerSocket}), SNI with the edge's name on outbound connections, TCP_NODELAY both ways, and
 * every connection wrapped in a {@link WatchedSslSocket}. Instantiated
 * by the blocking TLS processor by class name; finds its {@link StackHooks} by stack name.
 */
public final class TlsNetworkLayer implements NetworkLayer {

    private volatile StackHooks hooks;

    @Override
    public void setSipStack(SipStackImpl stack) {
        this.hooks = StackHooks.forStack(stack.getStackName());
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress address) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) hooks.sslContext().getServerSocketFactory()
                .createServerSocket(port, backlog, address);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(SipStackFactory.PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(SipStackFactory.CIPHER_SUITES.toArray(String[]::new));
        parameters.setNeedClientAuth(true);
        socket.setSSLParameters(parameters);
        return new InboundServerSocket(socket, hooks.events(), hooks.maxMessageBytes(), hooks.incomplete());
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        InetSocketAddress remote = new InetSocketAddress(address, port);
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            if (localAddress != null && !localAddress.isAnyLocalAddress()) {
                tcp.bind(new InetSocketAddress(localAddress, 0));
            }
            tcp.connect(remote, (int) hooks.connectTimeout().toMillis());
        } catch (IOException e) {
            tcp.close();
            hooks.events().outboundClosed(remote, "connect failed: " + e.getMessage());
            throw e;
        }
        SSLSocket tls = (SSLSocket) hooks.sslContext().getSocketFactory()
                .createSocket(tcp, hooks.edgeName(), port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(SipStackFactory.PROTOCOLS.toArray(String[]::new));
        parameters.setCipherSuites(SipStackFactory.CIPHER_SUITES.toArray(String[]::new));
        parameters.setServerNames(List.of(new SNIHostName(hooks.edgeName())));
        tls.setSSLParameters(parameters);
        return WatchedSslSocket.outbound(tls, remote, hooks.events());
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        throw new IOException("plain TCP is not offered: SIP federation runs over TLS only");
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        throw new IOException("plain TCP is not offered: SIP federation runs over TLS only");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        throw new IOException("plain TCP is not offered: SIP federation runs over TLS only");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("plain TCP is not offered: SIP federation runs over TLS only");
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        throw new SocketException("UDP is not offered: SIP federation runs over TLS only");
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress address) throws SocketException {
        throw new SocketException("UDP is not offered: SIP federation runs over TLS only");
    }
}
