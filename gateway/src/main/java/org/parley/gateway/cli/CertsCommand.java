package org.parley.gateway.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.parley.gateway.config.LoadedConfig;
import org.parley.gateway.pki.DevelopmentCertificates;
import org.parley.gateway.pki.GenerationResult;
import org.parley.pki.DevelopmentPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley certs}: development certificates. */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Development certificates.",
        subcommands = {CertsCommand.Init.class})
final class CertsCommand implements Runnable {

    @Override
    public void run() {
        throw CliFailure.badUsage("say what to do, e.g. 'parley certs init' (see 'parley certs --help')");
    }

    /** {@code parley certs init [--force]}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a development CA and certificates for the configured XMPP domains and SIP FQDN,",
                "written where the configuration expects them (EKU server and client authentication).",
                "Not for production: use certificates from your own CA there."})
    static final class Init implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Option(names = "--force", description = "Replace existing certificate, key and trust files.")
        private boolean force;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig loaded = ConfigReader.load(config.file(), spec.commandLine().getErr());
            GenerationResult result;
            try {
                result = new DevelopmentCertificates(new DevelopmentPki(Clock.systemUTC()))
                        .generate(loaded.config(), force);
            } catch (IOException e) {
                throw CliFailure.runtime("cannot write the certificates: " + e.getMessage(), e);
            }
            if (result instanceof GenerationResult.Generated) {
                spec.commandLine().getOut().println(result.summary());
                return ExitCode.OK;
            }
            throw new CliFailure(ExitCode.RUNTIME_FAILURE, result.summary());
        }
    }
}
