package org.parley.gateway.cli;

import java.util.concurrent.Callable;
import org.parley.gateway.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley check}: validation without starting the gateway. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the installation without starting the gateway.",
        subcommands = {CheckCommand.Config.class})
final class CheckCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw CliFailure.badUsage("say what to check, e.g. 'parley check config' (see 'parley check --help')");
    }

    /** {@code parley check config}: the XML against the schema, its values, and the files it names. */
    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Validate the configuration file and the certificate, key and trust files it names.")
    static final class Config implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig loaded = ConfigReader.load(config.file(), spec.commandLine().getErr());
            ConfigReader.checkFiles(loaded, spec.commandLine().getErr());
            spec.commandLine().getOut().println(config.file() + ": OK");
            return ExitCode.OK;
        }
    }
}
