package org.parley.gateway.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parley.gateway.config.StoreConfig;

/**
 * A real PostgreSQL server from Debian's packages ({@code postgresql}, binaries under
 * {@code /usr/lib/postgresql/<version>/bin}, the highest version installed), for tests: a fresh cluster in a
 * temporary directory, listening on 127.0.0.1 and a free port with its unix socket inside that directory, and
 * a login role with a password that owns the databases {@link #createDatabase} makes.
 *
 * <p>PostgreSQL refuses to run as root, so when the tests run as root every PostgreSQL command runs as the
 * {@code postgres} OS user ({@code runuser -u postgres --}) and the directory is given to that user. Every
 * command is bounded in time; {@link #close()} stops the server by its PID (also from a shutdown hook if the
 * JVM exits first) and deletes the directory.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final String LOGIN_ROLE = "parley";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_TIMEOUT_SECONDS = 30;
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;
    private final boolean asRoot;
    private long pid = -1;
    private Thread killOnExit;

    private PostgresServer(Path bin, Path dir, int port, String password) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.asRoot = "root".equals(System.getProperty("user.name"));
    }

    /**
     * Initialises a cluster, starts it and creates the login role.
     *
     * @throws IllegalStateException if PostgreSQL is not installed (run {@code ./parley test}) or does not start
     */
    public static PostgresServer start() {
        Path bin = serverBinaries(INSTALL_ROOT);
        try {
            Path dir = Files.createTempDirectory("parley-pg");
            PostgresServer server = new PostgresServer(bin, dir, freePort(), randomPassword());
            try {
                server.initAndStart();
                return server;
            } catch (RuntimeException | IOException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code bin} directory of the highest PostgreSQL version installed under {@code installRoot}. */
    static Path serverBinaries(Path installRoot) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(installRoot)) {
            try (Stream<Path> versions = Files.list(installRoot)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                .map(v -> v.resolve("bin"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (no " + installRoot
                        + "/<version>/bin/postgres): run `./parley test`, which installs the Debian package"
                        + " postgresql"));
    }

    private void initAndStart() throws IOException {
        Path socketDir = Files.createDirectories(dir.resolve("sock"));
        if (asRoot) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
            Files.setOwner(dir, owner);
            Files.setOwner(socketDir, owner);
        }
        run("initdb", "-D", data().toString(), "-U", SUPERUSER, "--auth-local=trust",
                "--auth-host=scram-sha-256", "--no-locale", "--encoding=UTF8", "--no-sync");
        run("pg_ctl", "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", Integer.toString(START_TIMEOUT_SECONDS),
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + socketDir
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "start");
        pid = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
        killOnExit = new Thread(this::kill, "postgres-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        psql("CREATE ROLE " + LOGIN_ROLE + " LOGIN PASSWORD '" + password + "'");
    }

    /** Creates database {@code name} owned by the login role; its store configuration, with user and password. */
    public StoreConfig createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name " + name);
        }
        psql("CREATE DATABASE " + name + " OWNER " + LOGIN_ROLE);
        return new StoreConfig(jdbcUrl(name), Optional.of(LOGIN_ROLE), Optional.of(password));
    }

    /** The JDBC URL of database {@code name} over TCP on 127.0.0.1. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The login role's password. */
    public String password() {
        return password;
    }

    /** The server's log, for failure messages. */
    public String log() {
        return read(dir.resolve("postgres.log")) + read(dir.resolve("commands.log"));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void psql(String sql) {
        run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", dir.resolve("sock").toString(),
                "-p", Integer.toString(port), "-U", SUPERUSER, "-d", "postgres", "-c", sql);
    }

    /** Runs a PostgreSQL program to completion (as the {@code postgres} user when root); fails on error or timeout. */
    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within " + COMMAND_TIMEOUT + ":\n" + log());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(program + " failed with exit code " + process.exitValue() + ":\n"
                        + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + program, e);
        }
    }

    /** Stops the server by its PID (SIGQUIT: immediate shutdown, then SIGKILL), deletes the directory. */
    @Override
    public void close() {
        kill();
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook runs anyway
            }
        }
        deleteRecursively(dir);
    }

    private void kill() {
        if (pid <= 0) {
            return;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.get().destroyForcibly();
        } catch (IOException | ExecutionException | TimeoutException e) {
            postmaster.get().destroyForcibly();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")\n";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
