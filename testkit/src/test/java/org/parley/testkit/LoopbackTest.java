package org.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackTest {

    @Test
    void portsAreDistinctBindableAndBelowTheKernelsEphemeralRange() throws IOException {
        String ip = Loopback.freeAddress();
        int ephemeralLow = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                .trim().split("\\s+")[0]);

        List<Integer> ports = Loopback.freePorts(ip, 20);

        assertThat(ports).doesNotHaveDuplicates().hasSize(20)
                .allMatch(port -> port >= 10_000 && port < ephemeralLow, "below " + ephemeralLow);
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(ip), ports.get(0)));
            assertThat(socket.getLocalPort()).isEqualTo(ports.get(0));
        }
    }
}
