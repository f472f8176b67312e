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
        readTextInBackground("body", onBody);
    }

    /**
     * Announces availability (so that messages and presence to the bare JID are delivered here), then hands the
     * text of every received element named {@code element} (such as {@code body}, or {@code status} of presence)
     * to {@code onText} on a daemon thread until the socket closes. Attributes of the element are skipped.
     */
    public void readTextInBackground(String element, Consumer<String> onText) throws IOException {
        write("<presence/>");
        String open = "<" + element;
        String close = "</" + element + ">";
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65536];
            StringBuilder pending = new StringBuilder();
            try {
                socket.setSoTimeout(0);
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    pending.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    int keepFrom = Math.max(0, pending.length() - close.length());
                    for (int start; (start = elementStart(pending, open)) >= 0; ) {
                        int textStart = pending.indexOf(">", start);
                        int end = textStart < 0 ? -1 : pending.indexOf(close, textStart);
                        if (end < 0) {
                            keepFrom = start;
                            break;
                        }
                        onText.accept(pending.substring(textStart + 1, end));
                        pending.delete(0, end + close.length());
                        keepFrom = Math.max(0, pending.length() - close.length());
                    }
                    pending.delete(0, keepFrom);
                }
            } catch (IOException closed) {
                // the run is over
            }
        }, "raw-c2s-" + element);
        reader.setDaemon(true);
        reader.start();
    }

    /** Where {@code <name>} or {@code <name } starts in {@code text} (or may start, at its end), -1 if nowhere. */
    private static int elementStart(StringBuilder text, String open) {
        for (int at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
            if (at + open.length() >= text.length()) {
                return at;
            }
            char next = text.charAt(at + open.length());
            if (next == '>' || next == ' ') {
                return at;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
