package org.parley.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.testsupport.GatewayConfigFiles;
import org.parley.gateway.testsupport.ParleyProcess;

/** The {@code parley} command line, end to end: the packaged jar run as separate processes, as an administrator would. */
class ParleyCliIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ADMIN_ENDPOINT = Pattern.compile("listening: admin http 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private ParleyProcess.Result parley(String... args) {
        return ParleyProcess.run(dir, COMMAND_TIMEOUT, args);
    }

    @Test
    void printsItsVersion() {
        ParleyProcess.Result result = parley("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).containsPattern("parley \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void helpIsAvailableOnEveryCommand() {
        for (String[] command : new String[][] {{"--help"}, {"run", "--help"}, {"check", "config", "--help"},
                {"allow", "add", "--help"}, {"allow", "set", "--help"}, {"certs", "init", "--help"}}) {
            ParleyProcess.Result result = parley(command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.stdout()).as(String.join(" ", command)).contains("Usage: parley");
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(parley("allow", "add").exitCode()).isEqualTo(2);
        assertThat(parley("no-such-command").exitCode()).isEqualTo(2);
        assertThat(parley("allow", "add", "x.test", "--tls", "sometimes", "--config",
                GatewayConfigFiles.write(dir, 0).toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void brokenConfigurationIsReportedWithFileLineAndColumnAndExitCodeTwo() throws Exception {
        Path config = GatewayConfigFiles.write(dir, 0);
        Files.writeString(config, Files.readString(config).replace("<admin address=\"127.0.0.1\" port=\"0\"/>",
                "<admin address=\"127.0.0.1\" port=\"70000\"/>"));
        ParleyProcess.Result result = parley("check", "config", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).containsPattern("gateway\\.xml:\\d+:\\d+: .*port.*70000");
    }

    @Test
    void certsInitCreatesCertificatesThatPassTheChecksAndRefusesToOverwrite() {
        String config = GatewayConfigFiles.write(dir, 0).toString();
        assertThat(parley("check", "config", "--config", config).exitCode()).isEqualTo(2);

        ParleyProcess.Result init = parley("certs", "init", "--config", config);
        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(dir.resolve("certs/xmpp.pem")).isRegularFile();
        assertThat(dir.resolve("certs/sip-key.pem")).isRegularFile();

        ParleyProcess.Result check = parley("check", "config", "--config", config);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.stdout()).contains("OK");

        ParleyProcess.Result again = parley("certs", "init", "--config", config);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr()).contains("--force");
        assertThat(parley("certs", "init", "--force", "--config", config).exitCode()).isZero();
    }

    @Test
    void allowListCommandsWorkWithoutARunningGateway() {
        String config = GatewayConfigFiles.write(dir, 0).toString();
        ParleyProcess.Result add = parley("allow", "add", "Partner.Example.", "--tls", "required", "--auth", "external",
                "--host", "xmpp.partner.example", "--port", "5270", "--config", config);
        assertThat(add.exitCode()).as(add.output()).isZero();
        assertThat(add.stdout()).contains("added partner.example");

        assertThat(parley("allow", "add", "partner.example", "--config", config).exitCode()).isEqualTo(1);
        assertThat(parley("allow", "add", "not a domain", "--config", config).exitCode()).isEqualTo(2);

        ParleyProcess.Result set = parley("allow", "set", "partner.example", "--enabled", "false", "--config", config);
        assertThat(set.exitCode()).as(set.output()).isZero();

        ParleyProcess.Result list = parley("allow", "list", "--config", config);
        assertThat(list.exitCode()).isZero();
        assertThat(list.stdout()).containsPattern("partner\\.example\\s+required\\s+external\\s+xmpp\\.partner\\.example:5270\\s+no\\s+cli");

        assertThat(parley("allow", "remove", "partner.example", "--config", config).exitCode()).isZero();
        assertThat(parley("allow", "remove", "partner.example", "--config", config).exitCode()).isEqualTo(1);
        assertThat(parley("allow", "set", "nobody.example", "--tls", "required", "--config", config).exitCode()).isEqualTo(1);
    }

    @Test
    void runStartsServesHealthSeesAllowListChangesWithinOneSecondAndStopsOnSigterm() throws Exception {
        String config = GatewayConfigFiles.write(dir, 0).toString();
        try (ParleyProcess gateway = ParleyProcess.start(dir, "run", "--config", config)) {
            Matcher admin = gateway.awaitOutput(ADMIN_ENDPOINT, Duration.ofSeconds(60));
            assertThat(gateway.stdout()).contains("created development certificates");
            URI base = URI.create("http://127.0.0.1:" + admin.group(1));

            HttpResponse<String> health = get(base.resolve("/health"));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"store\":\"up\"");
            double revisionBefore = metric(base, "parley_allowlist_revision");
            assertThat(metric(base, "parley_allowlist_entries")).isEqualTo(1.0);

            ParleyProcess.Result add = parley("allow", "add", "newly.example", "--config", config);
            assertThat(add.exitCode()).as(add.output()).isZero();
            Instant added = Instant.now();
            Duration seenAfter = awaitMetricAbove(base, "parley_allowlist_revision", revisionBefore, Duration.ofSeconds(5));
            assertThat(seenAfter).as("time from the CLI's exit until the running gateway saw the change")
                    .isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(metric(base, "parley_allowlist_entries")).isEqualTo(2.0);
            assertThat(Duration.between(added, Instant.now())).isLessThan(Duration.ofSeconds(5));

            assertThat(get(base.resolve("/metrics")).body()).contains("jvm_memory_used_bytes", "hikaricp_connections");

            Instant sigterm = Instant.now();
            gateway.terminate();
            Optional<Integer> exit = gateway.waitFor(Duration.ofSeconds(15));
            assertThat(exit).as("exit after SIGTERM\n" + gateway.stderr()).isPresent();
            assertThat(Duration.between(sigterm, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(exit).as("exit code after SIGTERM (143 = terminated by the signal after the orderly stop)").hasValueSatisfying(code -> assertThat(code).isIn(0, 143));
            assertThat(gateway.stderr()).contains("stopped admin", "stopped sip", "stopped xmpp", "stopped store");
        }
    }

    @Test
    void aPortInUseIsAClearErrorNamingAddressAndPortWithExitCodeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String config = GatewayConfigFiles.write(dir, taken.getLocalPort()).toString();
            ParleyProcess.Result result = parley("run", "--config", config);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("127.0.0.1:" + taken.getLocalPort(), "already in use", "<admin port>");
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double metric(URI base, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.eE+-]+)$").matcher(get(base.resolve("/metrics")).body());
        assertThat(m.find()).as("metric " + name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Polls /metrics until {@code name} exceeds {@code floor}; returns how long that took. */
    private static Duration awaitMetricAbove(URI base, String name, double floor, Duration timeout) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (metric(base, name) > floor) {
                return Duration.between(start, Instant.now());
            }
        }
        throw new AssertionError(name + " did not exceed " + floor + " within " + timeout);
    }
}
