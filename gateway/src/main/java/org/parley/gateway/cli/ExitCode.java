package org.parley.gateway.cli;

/** Process exit codes of the {@code parley} command (shared with picocli's conventions). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The command was valid but failed at run time (store unreachable, port in use, …). */
    public static final int RUNTIME_FAILURE = 1;
    /** Bad command-line usage or bad configuration. */
    public static final int BAD_USAGE = 2;

    private ExitCode() {
    }
}
