package org.parley.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged gateway ({@code gateway/target/parley.jar}, built by {@code mvn package} before failsafe
 * runs) as a real child process, the way an administrator would. Every process is bounded in time and killed
 * on {@link #close()}.
 */
public final class ParleyProcess implements AutoCloseable {

    private final Process process;
    private final OutputCollector stdout;
    private final OutputCollector stderr;

    private final Object outputArrived = new Object();

    private ParleyProcess(Process process) {
        this.process = process;
        this.stdout = new OutputCollector(process.getInputStream(), "parley-stdout", outputArrived);
        this.stderr = new OutputCollector(process.getErrorStream(), "parley-stderr", outputArrived);
    }

    /** The finished run of a short command. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    /** The jar under test, from the {@code parley.jar} system property that failsafe sets. */
    public static Path jar() {
        String jar = System.getProperty("parley.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("parley.jar not found (" + jar + "): run the tests with `mvn verify`");
        }
        return Path.of(jar);
    }

    /** Starts {@code java -jar parley.jar args…} in {@code workDir}. */
    public static ParleyProcess start(Path workDir, String... args) {
        return start(workDir, List.of(), args);
    }

    /** Starts {@code java jvmOptions… -jar parley.jar args…} in {@code workDir}. */
    public static ParleyProcess start(Path workDir, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().remove("PARLEY_HOME");
        try {
            return new ParleyProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to completion, failing the test if it takes longer than {@code timeout}. */
    public static Result run(Path workDir, Duration timeout, String... args) {
        try (ParleyProcess p = start(workDir, args)) {
            int code = p.waitFor(timeout)
                    .orElseThrow(() -> new AssertionError("parley " + String.join(" ", args) + " did not finish within "
                            + timeout + "\nstdout:\n" + p.stdout() + "\nstderr:\n" + p.stderr()));
            return new Result(code, p.stdout(), p.stderr());
        }
    }

    /** Waits until the combined output matches {@code pattern}; returns the match, or fails with the output so far. */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = pattern.matcher(stdout() + stderr());
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                Matcher last = pattern.matcher(stdout() + stderr());
                if (last.find()) {
                    return last;
                }
                throw new AssertionError("parley exited with " + process.exitValue() + " before printing " + pattern
                        + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            awaitMoreOutput(deadline);
        }
        throw new AssertionError("no output matching " + pattern + " within " + timeout
                + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
    }

    /**
     * Sends SIGTERM (an orderly stop). Through the {@link ProcessHandle}: {@link Process#destroy()} would also close
     * our ends of the child's pipes and lose what it prints while stopping.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the exit code, empty if the process is still running after {@code timeout}. */
    public Optional<Integer> waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stdout.drain();
                stderr.drain();
                return Optional.of(process.exitValue());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Blocks until a collector appends output, the process may have exited (checked every 100 ms), or the deadline. */
    private void awaitMoreOutput(Instant deadline) {
        long millis = Math.max(1, Math.min(100, Duration.between(Instant.now(), deadline).toMillis()));
        synchronized (outputArrived) {
            try {
                outputArrived.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Reads one of the child's streams on a daemon thread so it never blocks on a full pipe. */
    private static final class OutputCollector {
        private final StringBuffer text = new StringBuffer();
        private final Thread thread;

        OutputCollector(InputStream in, String name, Object signal) {
            thread = new Thread(() -> {
                char[] buffer = new char[4096];
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    int n;
                    while ((n = reader.read(buffer)) > 0) {
                        text.append(buffer, 0, n);
                        synchronized (signal) {
                            signal.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process went away; what was read is kept
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            return text.toString();
        }

        void drain() throws InterruptedException {
            thread.join(2000);
        }
    }
}
