package org.parley.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.parley.gateway.assembly.Gateway;
import org.parley.gateway.config.LoadedConfig;
import org.parley.gateway.lifecycle.BoundEndpoint;
import org.parley.gateway.lifecycle.ShutdownHook;
import org.parley.gateway.lifecycle.StartResult;
import org.parley.gateway.pki.DevelopmentCertificates;
import org.parley.gateway.pki.GenerationResult;
import org.parley.pki.DevelopmentPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley run}: validates the configuration, creates development certificates when none of the configured
 * certificate files exist yet, starts the gateway in the foreground and stops it in order on SIGTERM or Ctrl-C.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the gateway in the foreground until SIGTERM or Ctrl-C.",
            "On first run, when none of the configured certificate files exist, development certificates are created."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    private ConfigOption config;

    @Option(names = "--no-dev-certs", description = "Never create development certificates; fail when files are missing.")
    private boolean noDevelopmentCertificates;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = ConfigReader.load(config.file(), err);
        if (!noDevelopmentCertificates) {
            createDevelopmentCertificatesIfNone(loaded, out);
        }
        ConfigReader.checkFiles(loaded, err);

        Gateway gateway = Gateway.assemble(loaded.config(), Clock.systemUTC());
        try (ShutdownHook hook = new ShutdownHook(gateway.lifecycle()).install()) {
            StartResult result = gateway.start();
            if (result instanceof StartResult.Failed failed) {
                String message = failed.bindFailure().map(b -> b.describe(config.file().toString())).orElse(failed.message());
                throw new CliFailure(ExitCode.RUNTIME_FAILURE, message, failed.cause());
            }
            if (result instanceof StartResult.Started started) {
                for (BoundEndpoint endpoint : started.endpoints()) {
                    out.println("parley: listening: " + endpoint);
                }
                out.println("parley: running with " + config.file() + "; stop with Ctrl-C or SIGTERM");
                out.flush();
                LOG.info("gateway started with {}", config.file());
            }
            gateway.awaitStop();
        } finally {
            gateway.stop();
        }
        out.println("parley: stopped");
        out.flush();
        return ExitCode.OK;
    }

    private void createDevelopmentCertificatesIfNone(LoadedConfig loaded, PrintWriter out) {
        GenerationResult result;
        try {
            result = new DevelopmentCertificates(new DevelopmentPki(Clock.systemUTC())).generateIfAllMissing(loaded.config());
        } catch (IOException e) {
            throw CliFailure.runtime("cannot write development certificates: " + e.getMessage(), e);
        }
        if (result instanceof GenerationResult.Generated) {
            out.println("parley: first run: created development certificates: " + result.summary());
            out.println("parley: use certificates from your own CA in production");
            LOG.warn("created development certificates; use certificates from your own CA in production");
        } else if (!result.ready()) {
            throw CliFailure.badUsage(result.summary());
        }
    }
}
