package org.parley.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A SIP-over-TLS peer for tests that writes raw bytes (well-formed or not) to the gateway's listener and reads
 * what comes back: responses framed by Content-Length, or the connection's end.
 */
final class RawTlsClient implements AutoCloseable {

    /** What a read produced: a response's text, the end of the connection, or silence until the deadline. */
    sealed interface Reply {
        record Response(String text) implements Reply {
            int status() {
                return Integer.parseInt(text.substring(8, 11));
            }

            Optional<String> header(String name) {
                for (String line : text.split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                        return Optional.of(line.substring(colon + 1).strip());
                    }
                }
                return Optional.empty();
            }
        }

        record Closed(String how) implements Reply {
        }

        record Silence() implements Reply {
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private RawTlsClient(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects and completes the TLS handshake presenting {@code keyManager}'s certificate. */
    static RawTlsClient connect(InetSocketAddress gateway, X509ExtendedKeyManager keyManager,
                                X509ExtendedTrustManager trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {keyManager}, new TrustManager[] {trust}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(gateway.getAddress(),
                gateway.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return new RawTlsClient(socket);
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next response, the connection's end, or silence when nothing complete arrives within {@code wait}. */
    Reply read(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[8192];
        while (true) {
            Optional<String> complete = takeResponse();
            if (complete.isPresent()) {
                return new Reply.Response(complete.get());
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Reply.Silence();
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return new Reply.Closed("EOF");
                }
                pending.write(buffer, 0, n);
            } catch (SocketTimeoutException e) {
                return new Reply.Silence();
            } catch (IOException e) {
                return new Reply.Closed(e.toString());
            }
        }
    }

    /** Reads until the connection ends or {@code wait} passes, skipping responses; true if it ended. */
    boolean closedWithin(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Reply reply = read(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (reply instanceof Reply.Closed) {
                return true;
            }
            if (reply instanceof Reply.Silence) {
                return false;
            }
        }
        return false;
    }

    private Optional<String> takeResponse() {
        String text = pending.toString(StandardCharsets.UTF_8);
        int start = text.indexOf("SIP/2.0 ");
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf("\r\n\r\n", start);
        if (end < 0) {
            return Optional.empty();
        }
        int length = 0;
        for (String line : text.substring(start, end).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        int total = end + 4 + length;
        if (text.length() < total) {
            return Optional.empty();
        }
        byte[] rest = text.substring(total).getBytes(StandardCharsets.UTF_8);
        pending.reset();
        pending.write(rest, 0, rest.length);
        return Optional.of(text.substring(start, total));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
