package org.parley.sip.stack;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS socket of the stack that reports what the blocking JAIN-SIP processor keeps to itself.
 *
 * <p>Outbound (toward the edge): the processor tells the application nothing when the edge closes the
 * connection or refuses the gateway's certificate after a TLS 1.3 handshake (the alert arrives on the first
 * read); pending requests would then wait for Timer F (32 s). This wrapper reports EOF, read and write errors,
 * and handshake failures once, so the edge link can fail them at once and reconnect.
 *
 * <p>Inbound (accepted by the listener): a failed handshake — no client certificate, an untrusted one, a
 * timeout — is counted and the socket closed; the processor then sees an ordinary end of stream. (jain-sip-ri
 * 1.3.0-91 returns from a failed inbound handshake without releasing the connection slot it took, so after
 * {@code MAX_CONNECTIONS} failures the listener would stop accepting.) The input is followed by
 * {@link SipFraming}; when framing is lost the connection is closed instead of being parsed further.
 *
 * <p>Failures the {@link PeerNameTrustManager} refused are already counted there and not counted again.
 */
final class WatchedSslSocket extends SSLSocket {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedSslSocket.class);

    private final SSLSocket delegate;
    private final InetSocketAddress remote;
    private final ConnectionEvents events;
    private final SipFraming framing;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean handshakeDone;
    private volatile boolean handshakeFailed;
    private InputStream input;
    private IncompleteMessages incomplete;

    private WatchedSslSocket(SSLSocket delegate, InetSocketAddress remote, ConnectionEvents events,
                             SipFraming framing) {
        this.delegate = delegate;
        this.remote = remote;
        this.events = events;
        this.framing = framing;
    }

    /** A connection the gateway opened toward {@code remote}. */
    static WatchedSslSocket outbound(SSLSocket delegate, InetSocketAddress remote, ConnectionEvents events) {
        return new WatchedSslSocket(delegate, remote, events, null);
    }

    /** A connection the listener accepted; messages above {@code maxMessageBytes} close it. */
    static WatchedSslSocket inbound(SSLSocket delegate, ConnectionEvents events, int maxMessageBytes,
                                    IncompleteMessages incomplete) {
        WatchedSslSocket socket = new WatchedSslSocket(delegate, (InetSocketAddress) delegate.getRemoteSocketAddress(),
                events, new SipFraming(maxMessageBytes));
        socket.incomplete = incomplete;
        return socket;
    }

    private boolean inbound() {
        return framing != null;
    }

    private void ended(String reason) {
        if (!inbound() && reported.compareAndSet(false, true)) {
            events.outboundClosed(remote, reason);
        }
    }

    @Override
    public void startHandshake() throws IOException {
        try {
            delegate.startHandshake();
            handshakeDone = true;
        } catch (IOException e) {
            if (!refusedByTrustCheck(e)) {
                events.tlsFailure(classify(e), inbound(), remote + ": " + e.getMessage());
            }
            if (inbound()) {
                LOG.info("TLS handshake with {} failed: {}", remote, e.getMessage());
                handshakeFailed = true;
                delegate.close();
                return; // the processor reads an end of stream and releases the connection
            }
            ended("TLS handshake failed: " + e.getMessage());
            throw e;
        }
    }

    private static boolean refusedByTrustCheck(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private TlsFailureReason classify(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof SocketTimeoutException || (e instanceof SocketException && delegate.isClosed())) {
            return TlsFailureReason.HANDSHAKE_TIMEOUT;
        }
        if (message.contains("Empty client certificate chain") || message.contains("certificate_required")) {
            return TlsFailureReason.NO_CERTIFICATE;
        }
        if (message.contains("Received fatal alert") || e instanceof SSLHandshakeException
                && message.contains("Remote host terminated")) {
            return TlsFailureReason.PEER_REFUSED;
        }
        return TlsFailureReason.HANDSHAKE_FAILED;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (input == null) {
            input = new WatchedInput(delegate.getInputStream());
        }
        return input;
    }

    /** Reports EOF and read errors of the connection; follows the framing of inbound ones. */
    private final class WatchedInput extends FilterInputStream {

        WatchedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (handshakeFailed) {
                return -1;
            }
            try {
                int n = in.read(b, off, len);
                if (n < 0) {
                    ended("closed by the peer");
                    if (framing != null && framing.insideMessage()) {
                        incomplete.ended(remote);
                    }
                    return n;
                }
                return framed(b, off, n);
            } catch (IOException e) {
                if (framing != null && framing.insideMessage()) {
                    incomplete.ended(remote);
                }
                readFailed(e);
                throw e;
            }
        }

        private int framed(byte[] b, int off, int n) throws IOException {
            if (framing == null) {
                return n;
            }
            Optional<String> violation = framing.accept(b, off, n);
            if (violation.isEmpty()) {
                return n;
            }
            LOG.warn("closing the SIP connection from {}: framing lost ({})", remote, violation.get());
            events.framingLost(remote, violation.get());
            incomplete.ended(remote);
            delegate.close();
            return -1;
        }

        @Override
        public void close() throws IOException {
            if (framing != null && framing.insideMessage()) {
                incomplete.ended(remote);
            }
            super.close();
        }
    }

    private void readFailed(IOException e) {
        if (e instanceof SSLException && !handshakeDone || String.valueOf(e.getMessage()).contains("alert")) {
            events.tlsFailure(TlsFailureReason.PEER_REFUSED, inbound(), remote + ": " + e.getMessage());
        }
        ended("read failed: " + e.getMessage());
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return new FilterOutputStream(delegate.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    ended("write failed: " + e.getMessage());
                    throw e;
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    @Override
    public synchronized void close() throws IOException {
        ended("closed locally");
        delegate.close();
    }

    // --- plain delegation below ---

    @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
    @Override public String[] getEnabledCipherSuites() { return delegate.getEnabledCipherSuites(); }
    @Override public void setEnabledCipherSuites(String[] suites) { delegate.setEnabledCipherSuites(suites); }
    @Override public String[] getSupportedProtocols() { return delegate.getSupportedProtocols(); }
    @Override public String[] getEnabledProtocols() { return delegate.getEnabledProtocols(); }
    @Override public void setEnabledProtocols(String[] protocols) { delegate.setEnabledProtocols(protocols); }
    @Override public SSLSession getSession() { return delegate.getSession(); }
    @Override public SSLSession getHandshakeSession() { return delegate.getHandshakeSession(); }
    @Override public void addHandshakeCompletedListener(HandshakeCompletedListener l) {
        delegate.addHandshakeCompletedListener(l);
    }
    @Override public void removeHandshakeCompletedListener(HandshakeCompletedListener l) {
        delegate.removeHandshakeCompletedListener(l);
    }
    @Override public void setUseClientMode(boolean mode) { delegate.setUseClientMode(mode); }
    @Override public boolean getUseClientMode() { return delegate.getUseClientMode(); }
    @Override public void setNeedClientAuth(boolean need) { delegate.setNeedClientAuth(need); }
    @Override public boolean getNeedClientAuth() { return delegate.getNeedClientAuth(); }
    @Override public void setWantClientAuth(boolean want) { delegate.setWantClientAuth(want); }
    @Override public boolean getWantClientAuth() { return delegate.getWantClientAuth(); }
    @Override public void setEnableSessionCreation(boolean flag) { delegate.setEnableSessionCreation(flag); }
    @Override public boolean getEnableSessionCreation() { return delegate.getEnableSessionCreation(); }
    @Override public SSLParameters getSSLParameters() { return delegate.getSSLParameters(); }
    @Override public void setSSLParameters(SSLParameters params) { delegate.setSSLParameters(params); }
    @Override public String getApplicationProtocol() { return delegate.getApplicationProtocol(); }
    @Override public InetAddress getInetAddress() { return delegate.getInetAddress(); }
    @Override public InetAddress getLocalAddress() { return delegate.getLocalAddress(); }
    @Override public int getPort() { return delegate.getPort(); }
    @Override public int getLocalPort() { return delegate.getLocalPort(); }
    @Override public SocketAddress getRemoteSocketAddress() { return delegate.getRemoteSocketAddress(); }
    @Override public SocketAddress getLocalSocketAddress() { return delegate.getLocalSocketAddress(); }
    @Override public void setTcpNoDelay(boolean on) throws SocketException { delegate.setTcpNoDelay(on); }
    @Override public boolean getTcpNoDelay() throws SocketException { return delegate.getTcpNoDelay(); }
    @Override public void setSoLinger(boolean on, int linger) throws SocketException { delegate.setSoLinger(on, linger); }
    @Override public int getSoLinger() throws SocketException { return delegate.getSoLinger(); }
    @Override public void setSoTimeout(int timeout) throws SocketException { delegate.setSoTimeout(timeout); }
    @Override public int getSoTimeout() throws SocketException { return delegate.getSoTimeout(); }
    @Override public void setKeepAlive(boolean on) throws SocketException { delegate.setKeepAlive(on); }
    @Override public boolean getKeepAlive() throws SocketException { return delegate.getKeepAlive(); }
    @Override public void setSendBufferSize(int size) throws SocketException { delegate.setSendBufferSize(size); }
    @Override public int getSendBufferSize() throws SocketException { return delegate.getSendBufferSize(); }
    @Override public void setReceiveBufferSize(int size) throws SocketException { delegate.setReceiveBufferSize(size); }
    @Override public int getReceiveBufferSize() throws SocketException { return delegate.getReceiveBufferSize(); }
    @Override public void shutdownInput() throws IOException { delegate.shutdownInput(); }
    @Override public void shutdownOutput() throws IOException { delegate.shutdownOutput(); }
    @Override public boolean isConnected() { return delegate.isConnected(); }
    @Override public boolean isBound() { return delegate.isBound(); }
    @Override public boolean isClosed() { return delegate.isClosed(); }
    @Override public boolean isInputShutdown() { return delegate.isInputShutdown(); }
    @Override public boolean isOutputShutdown() { return delegate.isOutputShutdown(); }
    @Override public String toString() { return "Watched" + delegate; }
}
