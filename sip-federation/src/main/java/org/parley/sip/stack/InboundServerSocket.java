package org.parley.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The stack's TLS listener: a JSSE server socket whose accepted connections get TCP_NODELAY (SIP is
 * request/response; Nagle would add delay per hop) and are wrapped in {@link WatchedSslSocket#inbound} so that
 * failed handshakes are counted and framing is followed. Everything else is delegated.
 */
final class InboundServerSocket extends SSLServerSocket {

    private final SSLServerSocket delegate;
    private final ConnectionEvents events;
    private final int maxMessageBytes;
    private final IncompleteMessages incomplete;

    InboundServerSocket(SSLServerSocket delegate, ConnectionEvents events, int maxMessageBytes,
                        IncompleteMessages incomplete) throws IOException {
        this.delegate = delegate;
        this.events = events;
        this.maxMessageBytes = maxMessageBytes;
        this.incomplete = incomplete;
    }

    @Override
    public Socket accept() throws IOException {
        SSLSocket accepted = (SSLSocket) delegate.accept();
        try {
            accepted.setTcpNoDelay(true);
        } catch (SocketException e) {
            accepted.close();
            throw e;
        }
        return WatchedSslSocket.inbound(accepted, events, maxMessageBytes, incomplete);
    }

    @Override public void close() throws IOException { delegate.close(); }
    @Override public void bind(SocketAddress endpoint, int backlog) throws IOException { delegate.bind(endpoint, backlog); }
    @Override public InetAddress getInetAddress() { return delegate.getInetAddress(); }
    @Override public int getLocalPort() { return delegate.getLocalPort(); }
    @Override public SocketAddress getLocalSocketAddress() { return delegate.getLocalSocketAddress(); }
    @Override public boolean isBound() { return delegate.isBound(); }
    @Override public boolean isClosed() { return delegate.isClosed(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { delegate.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws IOException { return delegate.getSoTimeout(); }
    @Override public void setReceiveBufferSize(int size) throws SocketException { delegate.setReceiveBufferSize(size); }
    @Override public int getReceiveBufferSize() throws SocketException { return delegate.getReceiveBufferSize(); }
    @Override public void setReuseAddress(boolean on) throws SocketException { delegate.setReuseAddress(on); }
    @Override public boolean getReuseAddress() throws SocketException { return delegate.getReuseAddress(); }
    @Override public String[] getEnabledCipherSuites() { return delegate.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { delegate.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
    @Override public String[] getSupportedProtocols() { return delegate.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return delegate.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { delegate.setEnabledProtocols(protocols); }
    @Override public void setNeedClientAuth(boolean need) { delegate.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return delegate.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { delegate.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return delegate.getWantClientAuth(); }
    @Override public void setUseClientMode(boolean mode) { delegate.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return delegate.getUseClientMode(); }
    @Override public void setEnableSessionCreation(boolean flag) { delegate.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return delegate.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return delegate.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { delegate.setSSLParameters(params); }
    @Override public String toString() { return "Inbound" + delegate; }
}
