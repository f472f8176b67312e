package org.parley.gateway.cli;

import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code parley} command line: {@code run}, {@code check}, {@code allow}, {@code certs}. Exit codes follow
 * {@link ExitCode}: 0 ok, 1 runtime failure, 2 bad usage or bad configuration.
 */
@Command(name = "parley",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Parley XMPP-SIP federation gateway.",
        subcommands = {RunCommand.class, CheckCommand.class, AllowCommand.class, CertsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:runtime failure", "2:bad usage or bad configuration"})
public final class ParleyCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // the JDK's HTTP server logs through java.util.logging: route it to SLF4J like everything else
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the process exit code (used by {@link #main} and in tests). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new ParleyCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(ParleyCli::handleFailure);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliFailure failure) {
            err.println(commandLine.getColorScheme().errorText("parley: " + failure.getMessage()));
            err.flush();
            return failure.exitCode();
        }
        err.println(commandLine.getColorScheme().errorText("parley: unexpected failure: " + e));
        org.slf4j.LoggerFactory.getLogger(ParleyCli.class).error("unexpected failure", e);
        err.flush();
        return ExitCode.RUNTIME_FAILURE;
    }
}
