package org.parley.gateway.testpeers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a test {@code main} class on this JVM's classpath, driven line by line: the child answers
 * each command on standard output with one line starting with {@link #REPLY}; other output (logging) is kept
 * for failure messages only. Standard error goes to a file. {@link #close()} always ends the process.
 */
public final class ChildJvm implements AutoCloseable {

    /** Prefix of the child's protocol lines. */
    public static final String REPLY = "@@ ";

    private static final int KEPT_OUTPUT_LINES = 200;

    private final Process process;
    private final Writer stdin;
    private final Path stderr;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> output = new ArrayDeque<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.stderr = stderr;
        Thread reader = new Thread(this::readStdout, "child-jvm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -cp <this classpath> mainClass args}; H2 servers it starts bind to 127.0.0.1 only. */
    public static ChildJvm start(Class<?> mainClass, Path stderr, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-Dh2.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .start();
            return new ChildJvm(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line and returns the reply line, failing the test after {@code timeout}. */
    public String send(String command, Duration timeout) {
        try {
            stdin.write(command + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError("cannot send '" + command + "' to the child: " + e + diagnostics(), e);
        }
        return awaitReply(timeout);
    }

    /** The next reply line, failing the test after {@code timeout}. */
    public String awaitReply(Duration timeout) {
        try {
            String reply = replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new AssertionError("no reply from the child within " + timeout + diagnostics());
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The exit code, failing the test if the child is still running after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("child still running after " + timeout + diagnostics());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(REPLY)) {
                    replies.add(line);
                }
                synchronized (output) {
                    output.addLast(line);
                    if (output.size() > KEPT_OUTPUT_LINES) {
                        output.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended; replies already read stay available
        }
    }

    private String diagnostics() {
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        String out;
        synchronized (output) {
            out = String.join("\n", output);
        }
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            err = "(cannot read " + stderr + ")";
        }
        return "\nchild " + state + "\nstdout (last lines):\n" + out + "\nstderr:\n" + err;
    }

    /** Closes the child's input, waits briefly for it to exit, then kills it. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
