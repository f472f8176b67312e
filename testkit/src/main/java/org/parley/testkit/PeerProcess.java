package org.parley.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One external peer process started by a harness: its command, its log file, and stopping it by PID
 * (SIGTERM, then SIGKILL for it and any descendants still alive after a grace period).
 */
final class PeerProcess {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir}, stdout and stderr appended to {@code log}. */
    static PeerProcess start(List<String> command, Path dir, Path log) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new PeerProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting at most {@code timeout}; empty if still running then. */
    java.util.OptionalInt awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return java.util.OptionalInt.of(process.exitValue());
            }
            return java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waits until {@code ready} holds; fails with the log if the process exits or the deadline passes. */
    void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n" + log());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause(Duration.ofMillis(50));
        }
        stop();
        throw new IllegalStateException(what + " was not ready within " + timeout + ":\n" + log());
    }

    /** SIGTERM to the process; SIGKILL to it and its descendants if they outlive the grace period. */
    void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean exited = awaitExit(GRACE).isPresent();
        if (!exited) {
            process.destroyForcibly();
            awaitExit(GRACE);
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** Whether something accepts TCP connections on {@code address}. */
    static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A TCP port on {@code ip} that was free a moment ago. */
    static int freeTcpPort(String ip) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ip, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + ip, e);
        }
    }

    /** Writes {@code content}; harness configuration files only. */
    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            // Polling interval of a bounded wait loop, not a synchronisation device.
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
