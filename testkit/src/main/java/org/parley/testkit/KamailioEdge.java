package org.parley.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.parley.pki.IssuedCertificate;
import org.parley.pki.PemFiles;

/**
 * A real Kamailio 5.6 (Debian {@code kamailio} + {@code kamailio-tls-modules}) acting as the organisation's
 * Access Edge: mutual TLS on a loopback address and free port (client certificate required and verified
 * against the test CA; the routing script answers 403 unless the verified peer's CN or SAN dNSName is the
 * expected gateway name), plain TCP for SIP users, requests for the edge's domain relayed over TCP to a user
 * agent (sipp), requests for the gateway's names relayed over TLS to the gateway's listener with Kamailio's
 * client profile (its own certificate); a MESSAGE to {@code sip:echo@<domain>} is answered 200 by the edge
 * itself. No Record-Route: in-dialog requests follow the Request-URI (the gateway's names or a user agent's
 * contact), end-to-end ACKs of 2xx responses are forwarded statelessly. No name resolution: every next hop is
 * an IP address.
 *
 * <p>With {@link Builder#presenceServer} the edge is also the presence server of its domain
 * ({@link KamailioPresence}). Kamailio's presence module sends its NOTIFYs to the gateway's Contact, a name, so
 * Kamailio then runs in a private mount namespace ({@code unshare -m}) with a hosts file naming the gateway's
 * address bind-mounted on {@code /etc/hosts}; the machine's file is never touched (this needs root, as the
 * test suite has).
 *
 * <p>Runs in the foreground ({@code -DD -E}) with a pid file and its own runtime directory; stopped by PID.
 * {@link #restart()} stops and starts it again on the same ports.
 */
public final class KamailioEdge implements AutoCloseable {

    private static final Path KAMAILIO = Path.of("/usr/sbin/kamailio");
    private static final List<Path> MODULE_DIRS = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/kamailio/modules"), Path.of("/usr/lib/aarch64-linux-gnu/kamailio/modules"),
            Path.of("/usr/lib/kamailio/modules"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** Kamailio's own default of {@code con_ct_wq_max}: 64 KiB. */
    private static final int DEFAULT_TLS_PENDING_QUEUE = 65_536;
    private static final Path DBTEXT_SCHEMA = Path.of("/usr/share/kamailio/dbtext/kamailio");
    private static final List<String> PRESENCE_TABLES =
            List.of("version", "presentity", "active_watchers", "watchers", "xcap");

    private final Path dir;
    private final Path config;
    private final InetSocketAddress tlsAddress;
    private final InetSocketAddress tcpAddress;
    private final int sharedMemoryMb;
    /** The hosts file to mount on /etc/hosts for Kamailio, when it is a presence server. */
    private final Optional<Path> hosts;
    private PeerProcess process;

    private KamailioEdge(Path dir, Path config, InetSocketAddress tlsAddress, InetSocketAddress tcpAddress,
                         int sharedMemoryMb, Optional<Path> hosts) {
        this.dir = dir;
        this.config = config;
        this.tlsAddress = tlsAddress;
        this.tcpAddress = tcpAddress;
        this.sharedMemoryMb = sharedMemoryMb;
        this.hosts = hosts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Declares the edge, then {@link #start()}s it. */
    public static final class Builder {
        private String ip = "127.0.0.5";
        private String domain = "edge.test";
        private String allowedPeer = "gw.test";
        private IssuedCertificate certificate;
        private List<X509Certificate> trustAnchors;
        private InetSocketAddress userAgent = new InetSocketAddress("127.0.0.7", 5070);
        private InetSocketAddress gateway;
        private List<String> gatewayNames = List.of();
        private int sharedMemoryMb = 64;
        private int logLevel = 2;
        private int tlsPendingQueueBytes = DEFAULT_TLS_PENDING_QUEUE;
        private KamailioPresence presence;

        /** Loopback address to listen on (default 127.0.0.5); ports are picked free. */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        /** The domain the edge serves (its alias; requests for it go to the user agent). */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** The name a TLS peer's certificate must carry (CN or SAN dNSName), else 403. */
        public Builder allowedPeer(String name) {
            this.allowedPeer = name;
            return this;
        }

        /** The edge's certificate (server and client profile) and the CA certificates it verifies peers with. */
        public Builder tls(IssuedCertificate certificate, List<X509Certificate> trustAnchors) {
            this.certificate = certificate;
            this.trustAnchors = List.copyOf(trustAnchors);
            return this;
        }

        /** Where requests for {@link #domain} are relayed over TCP (a sipp UAS). */
        public Builder userAgent(InetSocketAddress address) {
            this.userAgent = address;
            return this;
        }

        /** Requests whose Request-URI host is one of {@code names} are relayed over TLS to {@code address}. */
        public Builder gateway(InetSocketAddress address, String... names) {
            this.gateway = address;
            this.gatewayNames = List.of(names);
            return this;
        }

        /** Shared memory in MB ({@code -m}); the default 64 suits functional tests, load needs ~1024. */
        public Builder sharedMemoryMb(int megabytes) {
            this.sharedMemoryMb = megabytes;
            return this;
        }

        /**
         * How many bytes may wait on a TLS connection of the edge's while its handshake is pending (the {@code tls}
         * module's {@code con_ct_wq_max}; Kamailio's default 64 KiB). A request that does not fit fails the
         * connection and what waits on it; a test shrinks this to provoke that with few requests.
         */
        public Builder tlsPendingQueueBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("queue size must be positive: " + bytes);
            }
            this.tlsPendingQueueBytes = bytes;
            return this;
        }

        /**
         * Kamailio's {@code debug} level (default 2, which logs a NOTICE line per request that {@link #log()}
         * shows); 0 keeps only warnings and errors, for load runs.
         */
        public Builder logLevel(int level) {
            this.logLevel = level;
            return this;
        }

        /**
         * Makes the edge the presence server of its {@link #domain} as {@code presence} says; requires
         * {@link #gateway} (its names must resolve for Kamailio's NOTIFYs).
         */
        public Builder presenceServer(KamailioPresence presence) {
            this.presence = presence;
            return this;
        }

        /** Writes the configuration, checks it with {@code kamailio -c}, starts Kamailio and waits until it listens. */
        public KamailioEdge start() {
            Objects.requireNonNull(certificate, "tls(...) is required");
            if (!Files.isExecutable(KAMAILIO)) {
                throw new IllegalStateException(KAMAILIO + " is missing: run `./parley test`, which installs "
                        + "kamailio and kamailio-tls-modules");
            }
            try {
                Path dir = Files.createTempDirectory("parley-kamailio");
                InetSocketAddress tls = new InetSocketAddress(ip, PeerProcess.freeTcpPort(ip));
                int tcpPort = PeerProcess.freeTcpPort(ip);
                for (int tries = 0; tcpPort == tls.getPort() && tries < 10; tries++) {
                    tcpPort = PeerProcess.freeTcpPort(ip); // the OS may hand out the just-released port again
                }
                InetSocketAddress tcp = new InetSocketAddress(ip, tcpPort);
                Path config = writeConfig(dir, tls, tcp);
                KamailioEdge edge = new KamailioEdge(dir, config, tls, tcp, sharedMemoryMb, writeHosts(dir));
                edge.checkConfig();
                edge.launch();
                return edge;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Path writeConfig(Path dir, InetSocketAddress tls, InetSocketAddress tcp) throws IOException {
            Path cert = dir.resolve("edge.crt");
            Path key = dir.resolve("edge.key");
            Path ca = dir.resolve("ca.crt");
            PemFiles.writeCertificates(cert, certificate.chain());
            PemFiles.writePrivateKey(key, certificate.key());
            PemFiles.writeCertificates(ca, trustAnchors);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("KEY", key.toString());
            values.put("CERT", cert.toString());
            values.put("CA", ca.toString());
            Path tlsConfig = PeerProcess.write(dir.resolve("edge-tls.cfg"), fill("edge-tls.cfg", values));
            values.put("IP", ip);
            values.put("DEBUG", Integer.toString(logLevel));
            values.put("TLS_PENDING_QUEUE", Integer.toString(tlsPendingQueueBytes));
            values.put("TLS_PORT", Integer.toString(tls.getPort()));
            values.put("TCP_PORT", Integer.toString(tcp.getPort()));
            values.put("DOMAIN", domain);
            values.put("PEER", allowedPeer);
            values.put("MODULE_PATH", moduleDir().toString());
            values.put("TLS_CFG", tlsConfig.toString());
            values.put("UAS_ADDRESS", hostPort(userAgent));
            values.put("GATEWAY_MATCH", gatewayMatch());
            values.put("GATEWAY_ADDRESS", gateway == null ? "0.0.0.0:0" : hostPort(gateway));
            values.put("DEFINES", presence == null ? "" : "#!define WITH_PRESENCE");
            values.put("PRESENCE_DB", presence == null ? "" : presenceTables(dir).toString());
            values.put("MAX_EXPIRES", presence == null ? "3600" : Long.toString(presence.maxExpires().toSeconds()));
            values.put("USER_AGENT_USERS", presence == null || presence.userAgentUsers().isEmpty() ? "false"
                    : presence.userAgentUsers().stream().map(user -> "$rU == \"" + user + "\"")
                            .collect(Collectors.joining(" || ")));
            return PeerProcess.write(dir.resolve("edge.cfg"), fill("edge.cfg", values));
        }

        /** The db_text directory with the empty tables the presence modules check (from Debian's kamailio). */
        private static Path presenceTables(Path dir) throws IOException {
            Path db = Files.createDirectories(dir.resolve("presence-db"));
            for (String table : PRESENCE_TABLES) {
                Path schema = DBTEXT_SCHEMA.resolve(table);
                if (!Files.isRegularFile(schema)) {
                    throw new IllegalStateException(schema + " is missing: install kamailio (`./parley test` does)");
                }
                Files.copy(schema, db.resolve(table));
            }
            return db;
        }

        private Optional<Path> writeHosts(Path dir) throws IOException {
            if (presence == null) {
                return Optional.empty();
            }
            if (gateway == null || gatewayNames.isEmpty()) {
                throw new IllegalStateException("a presence server needs gateway(address, names...)");
            }
            String line = gateway.getAddress().getHostAddress() + " " + String.join(" ", gatewayNames) + "\n";
            return Optional.of(PeerProcess.write(dir.resolve("hosts"), "127.0.0.1 localhost\n" + line));
        }

        private String gatewayMatch() {
            if (gatewayNames.isEmpty()) {
                return "false";
            }
            return gatewayNames.stream().map(name -> "$rd == \"" + name + "\"").collect(Collectors.joining(" || "));
        }
    }

    /** The mutual-TLS listener (for the gateway). */
    public InetSocketAddress tlsAddress() {
        return tlsAddress;
    }

    /** The plain TCP listener (for sipp). */
    public InetSocketAddress tcpAddress() {
        return tcpAddress;
    }

    /** Everything Kamailio logged so far, across restarts. */
    public String log() {
        return process == null ? "" : process.log();
    }

    /** The PID of the running main process. */
    public long pid() {
        return process.pid();
    }

    /** Whether the main process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops Kamailio by PID (its TLS connections are closed) and starts it again on the same ports. */
    public void restart() {
        stop();
        launch();
    }

    /** Starts Kamailio again on the same ports and configuration after {@link #stop()}. */
    public void relaunch() {
        if (isRunning()) {
            throw new IllegalStateException("kamailio is still running");
        }
        launch();
    }

    /** Stops Kamailio by PID; {@link #relaunch()} starts it again. */
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void checkConfig() {
        PeerProcess check = PeerProcess.start(List.of(KAMAILIO.toString(), "-c", "-f", config.toString()), dir,
                dir.resolve("check.log"));
        int exit = check.awaitExit(START_TIMEOUT).orElse(-1);
        if (exit != 0) {
            check.stop();
            throw new IllegalStateException("kamailio -c refused the generated edge.cfg:\n" + check.log());
        }
    }

    private void launch() {
        Path run = dir.resolve("run");
        try {
            Files.createDirectories(run);
            Files.deleteIfExists(run.resolve("edge.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        hosts.ifPresent(file -> command.addAll(List.of("unshare", "-m", "sh", "-c",
                "mount --bind \"$0\" /etc/hosts && exec \"$@\"", file.toString())));
        command.addAll(List.of(KAMAILIO.toString(), "-f", config.toString(),
                "-P", run.resolve("edge.pid").toString(), "-Y", run.toString(), "-DD", "-E",
                "-m", Integer.toString(sharedMemoryMb), "-M", "8"));
        process = PeerProcess.start(command, dir, dir.resolve("edge.log"));
        process.awaitReady("kamailio", START_TIMEOUT,
                () -> PeerProcess.accepts(tcpAddress) && PeerProcess.accepts(tlsAddress));
    }

    private static Path moduleDir() {
        return MODULE_DIRS.stream().filter(d -> Files.isRegularFile(d.resolve("tls.so"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Kamailio's tls.so is missing: install "
                        + "kamailio-tls-modules (`./parley test` does)"));
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static String fill(String template, Map<String, String> values) {
        String text = resource(template);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text = text.replace("@" + entry.getKey() + "@", entry.getValue());
        }
        return text;
    }

    private static String resource(String name) {
        try (InputStream in = KamailioEdge.class.getResourceAsStream("kamailio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource kamailio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
