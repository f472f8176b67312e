package org.parley.sip.stack;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Connections that ended in the middle of a message. When a connection closes mid-body (read timeout, peer
 * gone, framing lost), jain-sip-ri still hands the message to the stack with its body padded by zero bytes;
 * {@link RequestValve} drops such a message instead of processing it. Entries are taken once by the valve and
 * otherwise forgotten after a minute, so the table stays small.
 */
public final class IncompleteMessages {

    private static final long FORGET_NANOS = 60_000_000_000L;
    private static final int PRUNE_ABOVE = 1024;

    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public IncompleteMessages(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The connection from {@code remote} ended inside a message. */
    void ended(InetSocketAddress remote) {
        long now = nanoTime.getAsLong();
        if (ended.size() > PRUNE_ABOVE) {
            ended.values().removeIf(at -> now - at > FORGET_NANOS);
        }
        ended.put(key(remote.getAddress().getHostAddress(), remote.getPort()), now);
    }

    /** Whether the last message from {@code address:port} was cut off; answers true once per cut. */
    boolean take(String address, int port) {
        return ended.remove(key(address, port)) != null;
    }

    private static String key(String address, int port) {
        return address + ":" + port;
    }
}
