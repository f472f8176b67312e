package org.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.pki.IssuedCertificate;
import org.parley.pki.PemFiles;

/**
 * A real Prosody 0.12 (Debian {@code prosody} with {@code lua-unbound} and {@code lua-sec}) serving one domain on
 * a loopback address, as the XMPP peer of the s2s tests. Each instance has its own directory with the
 * configuration, data, certificates, pid file and logs; it resolves names only through the test dnsmasq
 * (libunbound with {@code local-zone: "test." transparent}, RFC 6761). It runs in the foreground as a child
 * process and is stopped by PID in {@link #close()}.
 *
 * <p>The three {@link Mode}s are the three s2s behaviours a peer server shows: no TLS (dialback in clear),
 * STARTTLS with an untrusted peer (dialback over TLS), STARTTLS with the test CA trusted (SASL EXTERNAL,
 * XEP-0178). Client connections (c2s) never require TLS, so test clients can log in with PLAIN.
 */
public final class ProsodyServer implements AutoCloseable {

    private static final Path PROSODY = Path.of("/usr/bin/prosody");
    private static final Path PROSODYCTL = Path.of("/usr/bin/prosodyctl");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    /** How the instance does server-to-server TLS. */
    public enum Mode {
        /** No TLS module: features offer only dialback; dialback in clear. */
        PLAIN,
        /** STARTTLS required, peer certificates not trusted (no CA file): dialback over TLS. */
        TLS_DIALBACK,
        /** STARTTLS required, the test CA trusted: SASL EXTERNAL with certificates, no dialback. */
        TLS
    }

    private final Process process;
    private final String domain;
    private final String ip;
    private final int c2sPort;
    private final int s2sPort;
    private final Path dir;

    private ProsodyServer(Process process, String domain, String ip, int c2sPort, int s2sPort, Path dir) {
        this.process = process;
        this.domain = domain;
        this.ip = ip;
        this.c2sPort = c2sPort;
        this.s2sPort = s2sPort;
        this.dir = dir;
    }

    /** Starts describing an instance serving {@code domain}. */
    public static Builder builder(String domain) {
        return new Builder(domain);
    }

    /** Collects the instance's settings, then {@link #start()}s it. */
    public static final class Builder {
        private final String domain;
        private String ip = "127.0.0.2";
        private Mode mode = Mode.PLAIN;
        private InetSocketAddress dns;
        private IssuedCertificate certificate;
        private Optional<IssuedCertificate> trustedCa = Optional.empty();
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<String> extraLines = new ArrayList<>();
        private int c2sPort;
        private int s2sPort;
        private int s2sDirectTlsPort;
        private String logLevel = "debug";

        private Builder(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
        }

        /** The loopback address to listen on (default 127.0.0.2); pick one no other test uses. */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        /** Fixed client and server ports (for DNS records written before start); free ports otherwise. */
        public Builder ports(int c2s, int s2s) {
            this.c2sPort = c2s;
            this.s2sPort = s2s;
            return this;
        }

        /**
         * Also listen for direct-TLS s2s streams (XEP-0368, {@code s2s_direct_tls_ports}) on {@code port}; needs a
         * TLS mode. Prosody also tries {@code _xmpps-server} SRV targets first when connecting out with TLS.
         */
        public Builder directTlsPort(int port) {
            this.s2sDirectTlsPort = port;
            return this;
        }

        /** The lowest level logged to {@code prosody.log} (default {@code debug}; {@code warn} for load runs). */
        public Builder logLevel(String level) {
            if (!level.matches("debug|info|warn|error")) {
                throw new IllegalArgumentException("not a Prosody log level: " + level);
            }
            this.logLevel = level;
            return this;
        }

        /** The s2s mode (default {@link Mode#PLAIN}). */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** The test DNS server (dnsmasq) that libunbound forwards every query to; required. */
        public Builder dns(InetSocketAddress dns) {
            this.dns = dns;
            return this;
        }

        /** The certificate and key for the domain; required in the TLS modes. */
        public Builder certificate(IssuedCertificate certificate) {
            this.certificate = certificate;
            return this;
        }

        /** The CA Prosody trusts for peer certificates; used in {@link Mode#TLS} only. */
        public Builder trust(IssuedCertificate ca) {
            this.trustedCa = Optional.of(ca);
            return this;
        }

        /** A user registered with prosodyctl before start. */
        public Builder user(String localpart, String password) {
            users.put(localpart, password);
            return this;
        }

        /** A raw line appended to the global section of the configuration (Lua). */
        public Builder configLine(String line) {
            extraLines.add(line);
            return this;
        }

        /**
         * Writes the instance directory, registers the users, starts {@code prosody -F} and waits until both
         * listeners accept connections.
         *
         * @throws IllegalStateException when Prosody is not installed or does not come up in time
         */
        public ProsodyServer start() {
            requireInstalled();
            Objects.requireNonNull(dns, "dns: Prosody must resolve through the test DNS");
            if (s2sDirectTlsPort > 0 && mode == Mode.PLAIN) {
                throw new IllegalArgumentException("direct TLS needs a TLS mode");
            }
            if (mode != Mode.PLAIN && certificate == null) {
                throw new IllegalArgumentException("mode " + mode + " needs a certificate for " + domain);
            }
            try {
                Path dir = Files.createTempDirectory("parley-prosody-" + domain + "-");
                Files.createDirectories(dir.resolve("data"));
                Files.createDirectories(dir.resolve("certs"));
                int c2s = c2sPort > 0 ? c2sPort : freeTcpPort(ip);
                int s2s = s2sPort > 0 ? s2sPort : freeTcpPort(ip);
                writeCertificates(dir);
                Path config = dir.resolve("prosody.cfg.lua");
                Files.writeString(config, ProsodyConfig.render(new ProsodyConfig(domain, ip, c2s, s2s, s2sDirectTlsPort, mode, dns,
                        dir, logLevel, extraLines)), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> user : users.entrySet()) {
                    register(dir, config, user.getKey(), user.getValue());
                }
                return launch(domain, ip, c2s, s2s, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeCertificates(Path dir) throws IOException {
            if (certificate != null) {
                PemFiles.writeCertificates(dir.resolve("certs").resolve(domain + ".crt"), certificate.chain());
                PemFiles.writePrivateKey(dir.resolve("certs").resolve(domain + ".key"), certificate.key());
            }
            if (trustedCa.isPresent()) {
                PemFiles.writeCertificates(dir.resolve("ca.crt"), trustedCa.get().chain());
            }
        }

        private void register(Path dir, Path config, String user, String password) throws IOException {
            Process ctl = new ProcessBuilder(PROSODYCTL.toString(), "--config", config.toString(), "register", user,
                    domain, password)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prosodyctl.log").toFile()))
                    .start();
            try {
                if (!ctl.waitFor(30, TimeUnit.SECONDS)) {
                    ctl.destroyForcibly();
                    throw new IllegalStateException("prosodyctl register " + user + " did not finish in 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctl.destroyForcibly();
                throw new IllegalStateException("interrupted while registering " + user, e);
            }
            if (ctl.exitValue() != 0) {
                throw new IllegalStateException("prosodyctl register " + user + "@" + domain + " failed:\n"
                        + Files.readString(dir.resolve("prosodyctl.log")));
            }
        }
    }

    /** Runs {@code prosody -F} on the configuration in {@code dir} and waits until both listeners accept. */
    private static ProsodyServer launch(String domain, String ip, int c2s, int s2s, Path dir) throws IOException {
        Process process = new ProcessBuilder(PROSODY.toString(), "-F", "--config",
                dir.resolve("prosody.cfg.lua").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        ProsodyServer server = new ProsodyServer(process, domain, ip, c2s, s2s, dir);
        server.awaitListening();
        return server;
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(PROSODY) || !Files.isExecutable(PROSODYCTL)) {
            throw new IllegalStateException(PROSODY + " is missing: run `./parley test`, which installs the Debian "
                    + "packages prosody, lua-unbound and lua-sec");
        }
    }

    private static int freeTcpPort(String ip) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ip, 0));
            return socket.getLocalPort();
        }
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prosody exited with " + process.exitValue() + ":\n" + stdout()
                        + "\n" + log());
            }
            if (accepts(s2sPort) && accepts(c2sPort)) {
                return;
            }
            pause();
        }
        close();
        throw new IllegalStateException("prosody did not listen on " + ip + " within " + START_TIMEOUT + ":\n"
                + log());
    }

    private boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for prosody", e);
        }
    }

    /** The process id (for CPU and memory readings from /proc). */
    public long pid() {
        return process.pid();
    }

    /** The served domain. */
    public String domain() {
        return domain;
    }

    /** The loopback address it listens on. */
    public String ip() {
        return ip;
    }

    /** Where clients connect (c2s, RFC 6120). */
    public InetSocketAddress c2sAddress() {
        return new InetSocketAddress(ip, c2sPort);
    }

    /** Where servers connect (s2s); publish it as the SRV target of {@link #domain()}. */
    public InetSocketAddress s2sAddress() {
        return new InetSocketAddress(ip, s2sPort);
    }

    /** The instance directory (configuration, data, certificates, logs). */
    public Path directory() {
        return dir;
    }

    /** The debug log so far. */
    public String log() {
        try {
            Path file = dir.resolve("prosody.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits until a line of the log satisfies {@code condition}; returns it, or empty after {@code timeout}. */
    public Optional<String> awaitLogLine(Predicate<String> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            Optional<String> line = log().lines().filter(condition).findFirst();
            if (line.isPresent()) {
                return line;
            }
            pause();
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    private String stdout() {
        try {
            return Files.readString(dir.resolve("stdout.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no stdout: " + e + ")";
        }
    }

    /**
     * Freezes the process with SIGSTOP: its sockets stay open but nothing is read or answered, as with a hung or
     * unreachable server. {@link #close()} always continues it before stopping it.
     */
    public void suspend() {
        signal("STOP");
    }

    /**
     * Kills the process with SIGKILL ({@code kill -9}) and waits for it to go: its sockets are closed by the kernel
     * without any XMPP goodbye (no unavailable presence, no {@code </stream:stream>}).
     */
    public void kill() {
        signal("KILL");
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("prosody " + process.pid() + " still alive 5 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for prosody to die", e);
        }
    }

    /**
     * Starts the same instance again (same directory, configuration, data, addresses) after {@link #kill()} or
     * {@link #close()}, and waits until it listens; the returned server is the one to use and stop from then on.
     */
    public ProsodyServer restarted() {
        if (process.isAlive()) {
            throw new IllegalStateException("prosody " + process.pid() + " is still running");
        }
        try {
            return launch(domain, ip, c2sPort, s2sPort, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Continues a {@link #suspend()}ed process with SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling prosody", e);
        }
    }

    /** Continues the process if suspended, then stops it by PID (SIGTERM, then SIGKILL after 5 s) and waits for it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
        }
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
