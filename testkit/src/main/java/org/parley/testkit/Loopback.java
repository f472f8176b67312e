package org.parley.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback addresses and ports for one test run: a random address in 127.64.0.0–127.127.255.254 (all of
 * 127.0.0.0/8 answers on Linux) on which a TCP port can be bound, so parallel or leftover runs do not collide.
 */
public final class Loopback {

    private Loopback() {
    }

    /** A random loopback address on which binding works. */
    public static String freeAddress() {
        for (int attempt = 0; attempt < 50; attempt++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String ip = "127." + random.nextInt(64, 128) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
            try {
                freePort(ip);
                return ip;
            } catch (IllegalStateException e) {
                // try another address
            }
        }
        throw new IllegalStateException("no usable loopback address found");
    }

    /** A TCP port free on {@code ip} at the moment of the call. */
    public static int freePort(String ip) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind on " + ip + ": " + e.getMessage(), e);
        }
    }
}
