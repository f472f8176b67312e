package org.parley.gateway.cli;

/**
 * A failure a command reports to the administrator: the message is printed as it is (it should say what to
 * do) and the process exits with {@link #exitCode()}.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliFailure badUsage(String message) {
        return new CliFailure(ExitCode.BAD_USAGE, message);
    }

    public static CliFailure runtime(String message, Throwable cause) {
        return new CliFailure(ExitCode.RUNTIME_FAILURE, message, cause);
    }
}
