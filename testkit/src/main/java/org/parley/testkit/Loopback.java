package org.parley.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback addresses and ports for one test run: a random address in 127.64.0.0–127.127.255.254 (all of
 * 127.0.0.0/8 answers on Linux) on which a TCP port can be bound, so parallel or leftover runs do not collide.
 */
public final class Loopback {

    /** The lowest port handed out here: above the well-known and most registered service ports in use on a host. */
    private static final int LOWEST_PORT = 10_000;

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

    /**
     * A TCP port free on {@code ip} at the moment of the call, chosen at random below the kernel's ephemeral range
     * ({@code net.ipv4.ip_local_port_range}): a port the kernel hands out itself (to a probe, or as the source port
     * of an outgoing connection, such as a peer's or the gateway's own) can be taken again before the process it was
     * picked for binds it, which shows as "address already in use" at start-up.
     */
    public static int freePort(String ip) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int below = EphemeralPorts.lowest();
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOWEST_PORT, below);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(ip), port));
                return port;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("cannot bind on " + ip + ": " + (last == null ? "" : last.getMessage()), last);
    }

    /** {@code count} distinct ports free on {@code ip} at the moment of the call ({@link #freePort}). */
    public static List<Integer> freePorts(String ip, int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(freePort(ip));
        }
        return List.copyOf(ports);
    }

    /** The lower end of the kernel's ephemeral port range. */
    private static final class EphemeralPorts {
        private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

        static int lowest() {
            try {
                int low = Integer.parseInt(Files.readAllLines(RANGE).get(0).trim().split("\\s+")[0]);
                return low > LOWEST_PORT + 1000 ? low : 32_768;
            } catch (IOException | RuntimeException e) {
                return 32_768;
            }
        }
    }
}
