package org.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real dnsmasq (Debian {@code dnsmasq-base}) answering only for {@code *.test} on a loopback address and a
 * free port, with the A and SRV records a test declares. Started in the foreground as a child process and
 * killed on {@link #close()}.
 */
public final class DnsmasqServer implements AutoCloseable {

    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");

    private final Process process;
    private final InetSocketAddress address;
    private final Path dir;

    private DnsmasqServer(Process process, InetSocketAddress address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    /** Declares records, then {@link #start(String)}s. */
    public static final class Builder {
        private final List<String> lines = new ArrayList<>();

        /** An A record. */
        public Builder address(String host, String ip) {
            lines.add("host-record=" + host + "," + ip);
            return this;
        }

        /** An SRV record, e.g. {@code srv("_xmpp-server._tcp.jabber.test", "jabber.test", 5269, 0, 5)}. */
        public Builder srv(String name, String target, int port, int priority, int weight) {
            lines.add("srv-host=" + name + "," + target + "," + port + "," + priority + "," + weight);
            return this;
        }

        /**
         * A NAPTR record (RFC 3403), e.g. {@code naptr("edge.test", 10, 0, "s", "SIPS+D2T", "",
         * "_sips._tcp.edge.test")} for RFC 3263 §4.1 transport selection.
         */
        public Builder naptr(String name, int order, int preference, String flags, String service, String regexp,
                             String replacement) {
            lines.add("naptr-record=" + name + "," + order + "," + preference + "," + flags + "," + service + ","
                    + regexp + "," + replacement);
            return this;
        }

        /** An SRV record with target "." (service not offered, RFC 2782). */
        public Builder srvNotOffered(String name) {
            lines.add("srv-host=" + name);
            return this;
        }

        /** Starts dnsmasq on {@code listenIp} (e.g. 127.0.0.53) and a free port; waits until it answers. */
        public DnsmasqServer start(String listenIp) {
            if (!Files.isExecutable(DNSMASQ)) {
                throw new IllegalStateException(DNSMASQ + " is missing: run `./parley test`, which installs dnsmasq-base");
            }
            try {
                Path dir = Files.createTempDirectory("parley-dnsmasq");
                int port = freeUdpPort(listenIp);
                List<String> conf = new ArrayList<>(List.of(
                        "port=" + port, "listen-address=" + listenIp, "bind-interfaces", "no-resolv", "no-hosts",
                        "no-poll", "no-negcache", "local=/test/", "user=root", "log-facility=-",
                        "pid-file=" + dir.resolve("dnsmasq.pid"),
                        "host-record=ready.test,127.0.0.99"));
                conf.addAll(lines);
                Path confFile = dir.resolve("dnsmasq.conf");
                Files.write(confFile, conf);
                Process process = new ProcessBuilder(DNSMASQ.toString(), "-k", "-C", confFile.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("dnsmasq.log").toFile())
                        .start();
                DnsmasqServer server = new DnsmasqServer(process, new InetSocketAddress(listenIp, port), dir);
                server.awaitAnswering(Duration.ofSeconds(10));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** What dnsmasq logged (for failure messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("dnsmasq.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitAnswering(Duration timeout) throws IOException {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofMillis(200));
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dnsmasq exited with " + process.exitValue() + ":\n" + log());
            }
            Lookup lookup = new Lookup("ready.test.", Type.A);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            lookup.run();
            if (lookup.getResult() == Lookup.SUCCESSFUL) {
                return;
            }
        }
        close();
        throw new IllegalStateException("dnsmasq did not answer within " + timeout + ":\n" + log());
    }

    private static int freeUdpPort(String ip) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
