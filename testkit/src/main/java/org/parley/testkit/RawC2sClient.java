package org.parley.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A minimal XMPP client (RFC 6120 c2s without TLS: SASL PLAIN, resource binding) on a blocking socket, cheap
 * enough to load a server without being the bottleneck: it writes pre-serialised stanzas and counts the
 * {@code <message} elements it receives, or hands each message's {@code <body>} text to a callback. For the
 * benchmarks only: it does not parse XML, so it expects bodies without markup or escapes.
 */
public final class RawC2sClient implements AutoCloseable {

    private static final byte[] MESSAGE_TAG = "<message".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicLong messagesReceived = new AtomicLong();

    private RawC2sClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects, authenticates {@code user@domain} and binds resource {@code r}. */
    public static RawC2sClient login(InetSocketAddress server, String domain, String user, String password)
            throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        RawC2sClient client = new RawC2sClient(socket);
        String header = "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
        client.write(header);
        client.readUntil("</stream:features>");
        String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        client.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>");
        client.readUntil("<success");
        client.write(header);
        client.readUntil("</stream:features>");
        client.write("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>r"
                + "</resource></bind></iq>");
        client.readUntil("</iq>");
        return client;
    }

    /** Writes and flushes {@code xml}. */
    public void write(String xml) throws IOException {
        write(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes and flushes {@code bytes}. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private void readUntil(String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (text.indexOf(marker) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("closed while waiting for " + marker + ": " + text);
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
    }

    /** Counts received {@code <message} tags on a daemon thread until the socket closes. */
    public void countMessagesInBackground() {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            int matched = 0;
            try {
                socket.setSoTimeout(0);
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    for (int i = 0; i < n; i++) {
                        matched = buffer[i] == MESSAGE_TAG[matched] ? matched + 1 : buffer[i] == MESSAGE_TAG[0] ? 1 : 0;
                        if (matched == MESSAGE_TAG.length) {
                            messagesReceived.incrementAndGet();
                            matched = 0;
                        }
                    }
                }
            } catch (IOException closed) {
                // the run is over
            }
        }, "raw-c2s-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The {@code <message} elements counted so far by {@link #countMessagesInBackground()}. */
    public long messagesReceived() {
        return messagesReceived.get();
    }

    /**
     * Announces availability (so that messages to the bare JID are delivered here), then hands the text of every
     * received {@code <body>} to {@code onBody} on a daemon thread until the socket closes.
     */
    public void readBodiesInBackground(Consumer<String> onBody) throws IOException {
        write("<presence/>");
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            StringBuilder pending = new StringBuilder();
            try {
                socket.setSoTimeout(0);
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    int keepFrom = Math.max(0, pending.length() - "<body>".length());
                    for (int start; (start = pending.indexOf("<body>")) >= 0; ) {
                        int end = pending.indexOf("</body>", start);
                        if (end < 0) {
                            keepFrom = start;
                            break;
                        }
                        onBody.accept(pending.substring(start + "<body>".length(), end));
                        pending.delete(0, end + "</body>".length());
                        keepFrom = Math.max(0, pending.length() - "<body>".length());
                    }
                    pending.delete(0, keepFrom);
                }
            } catch (IOException closed) {
                // the run is over
            }
        }, "raw-c2s-bodies");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
