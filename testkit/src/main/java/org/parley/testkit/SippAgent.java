package org.parley.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A real sipp (Debian {@code sip-tester}) running one scenario over TCP (Debian's build has no TLS, so it
 * sits behind the Kamailio edge): a UAS listening on a loopback address, or a UAC sending a bounded number of
 * calls at a bounded rate. Every run is bounded in calls ({@code -m}) and time ({@code -timeout}); the
 * process is stopped by PID on {@link #close()}.
 *
 * <p>sipp's exit code: 0 when every call succeeded, 1 when at least one failed, 99 when none ran.
 */
public final class SippAgent implements AutoCloseable {

    private static final Path SIPP = Path.of("/usr/bin/sipp");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final PeerProcess process;
    private final Path dir;
    private final InetSocketAddress local;

    private SippAgent(PeerProcess process, Path dir, InetSocketAddress local) {
        this.process = process;
        this.dir = dir;
        this.local = local;
    }

    /** A scenario run; build with {@link SippAgent#scenario(URL)}. */
    public static final class Builder {
        private final URL scenario;
        private String ip = "127.0.0.7";
        private int port;
        private int calls = 1;
        private int ratePerSecond = 10;
        private Duration timeLimit = Duration.ofSeconds(30);
        private final Map<String, String> keys = new LinkedHashMap<>();
        private String service = "service";
        private String callIdFormat;
        private final Map<String, String> substitutions = new LinkedHashMap<>();
        private boolean traceMessages = true;
        private int statisticsSeconds;

        private Builder(URL scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario resource");
        }

        /** Local loopback address (default 127.0.0.7); the port is picked free unless {@link #port} is set. */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Stop after this many calls ({@code -m}). */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /** New calls per second for a UAC ({@code -r}). */
        public Builder rate(int perSecond) {
            this.ratePerSecond = perSecond;
            return this;
        }

        /** Overall time limit ({@code -timeout}); reaching it is an error exit. */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /** The user part of the Request-URI ({@code -s}, {@code [service]} in scenarios). */
        public Builder service(String service) {
            this.service = service;
            return this;
        }

        /**
         * The Call-ID of each call ({@code -cid_str}: {@code %u} is the call number, {@code %p} the PID, {@code %s}
         * the local address), which {@code [call_id]} inserts and by which sipp matches responses to calls. A
         * fixed string gives every call the same Call-ID: use it with one call per run.
         */
        public Builder callIdFormat(String format) {
            this.callIdFormat = format;
            return this;
        }

        /** A scenario keyword ({@code -key name value}, {@code [name]} in scenarios). */
        public Builder key(String name, String value) {
            keys.put(name, value);
            return this;
        }

        /**
         * Replaces {@code @token@} in the scenario text before sipp reads it, for what sipp's keywords cannot
         * reach (such as the status code of a response, which sipp checks when it loads the scenario).
         */
        public Builder substitute(String token, String value) {
            substitutions.put("@" + token + "@", value);
            return this;
        }

        /**
         * Whether sipp writes every message to its trace ({@code -trace_msg}, the default). Benchmarks with
         * hundreds of thousands of messages turn it off: the trace costs sipp time and disk.
         */
        public Builder traceMessages(boolean trace) {
            this.traceMessages = trace;
            return this;
        }

        /**
         * Writes sipp's statistics every {@code seconds} ({@code -trace_stat -fd}): cumulative counts of calls
         * created, succeeded and failed, read back with {@link SippAgent#statistics()}.
         */
        public Builder statistics(int seconds) {
            this.statisticsSeconds = seconds;
            return this;
        }

        /** Runs the scenario as a server on its local address; returns once it accepts TCP connections. */
        public SippAgent listen() {
            SippAgent agent = launch(List.of());
            agent.process.awaitReady("sipp", START_TIMEOUT, () -> PeerProcess.accepts(agent.local));
            return agent;
        }

        /** Runs the scenario as a client toward {@code remote} (TCP). */
        public SippAgent callTo(InetSocketAddress remote) {
            return launch(List.of(remote.getAddress().getHostAddress() + ":" + remote.getPort()));
        }

        private SippAgent launch(List<String> remote) {
            if (!Files.isExecutable(SIPP)) {
                throw new IllegalStateException(SIPP + " is missing: run `./parley test`, which installs sip-tester");
            }
            try {
                Path dir = Files.createTempDirectory("parley-sipp");
                Path file = dir.resolve("scenario.xml");
                try (InputStream in = scenario.openStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    for (Map.Entry<String, String> entry : substitutions.entrySet()) {
                        text = text.replace(entry.getKey(), entry.getValue());
                    }
                    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
                }
                int localPort = port != 0 ? port : PeerProcess.freeTcpPort(ip);
                List<String> command = new ArrayList<>(List.of(SIPP.toString(), "-sf", file.toString(), "-t", "t1",
                        "-i", ip, "-p", Integer.toString(localPort), "-m", Integer.toString(calls),
                        "-r", Integer.toString(ratePerSecond), "-s", service,
                        "-timeout", timeLimit.toSeconds() + "s", "-timeout_error", "-nostdin",
                        "-trace_err", "-max_recv_loops", "100"));
                if (traceMessages) {
                    command.add("-trace_msg");
                }
                if (statisticsSeconds > 0) {
                    command.addAll(List.of("-trace_stat", "-fd", Integer.toString(statisticsSeconds)));
                }
                keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
                if (callIdFormat != null) {
                    command.addAll(List.of("-cid_str", callIdFormat));
                }
                command.addAll(remote);
                PeerProcess process = PeerProcess.start(command, dir, dir.resolve("sipp.log"));
                return new SippAgent(process, dir, new InetSocketAddress(ip, localPort));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A run of the scenario at {@code resource} (e.g. from the test class path). */
    public static Builder scenario(URL resource) {
        return new Builder(resource);
    }

    /** Where this agent listens (UAS) or sends from (UAC). */
    public InetSocketAddress localAddress() {
        return local;
    }

    /** sipp's exit code, waiting at most {@code timeout}; empty if it is still running then. */
    public OptionalInt awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    /** The PID of the sipp process (for CPU accounting in benchmarks). */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** sipp's console output, message trace and error trace, for assertions and failure messages. */
    public String log() {
        StringBuilder text = new StringBuilder(process.log());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") && !f.endsWith("sipp.log")).toList()) {
                text.append("\n--- ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        } catch (IOException e) {
            text.append("\n(cannot list traces: ").append(e).append(')');
        }
        return text.toString();
    }

    /** The messages sipp sent and received ({@code -trace_msg}). */
    public String messageTrace() {
        return file("_messages.log");
    }

    /** sipp's statistics so far ({@link Builder#statistics}): a CSV with a header line, fields separated by ';'. */
    public String statistics() {
        return file("_.csv");
    }

    private String file(String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            Path trace = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            return trace == null ? "" : Files.readString(trace);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
