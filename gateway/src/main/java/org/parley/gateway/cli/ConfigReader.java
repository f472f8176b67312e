package org.parley.gateway.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.parley.gateway.config.ConfigException;
import org.parley.gateway.config.ConfigFileChecks;
import org.parley.gateway.config.ConfigLoader;
import org.parley.gateway.config.ConfigProblem;
import org.parley.gateway.config.LoadedConfig;

/** Loads the configuration for a command, turning problems into output and exit code 2. */
final class ConfigReader {

    private ConfigReader() {
    }

    /** Loads and validates {@code file} (structure and values, not the files it names). */
    static LoadedConfig load(Path file, PrintWriter err) {
        try {
            return new ConfigLoader().load(file);
        } catch (ConfigException e) {
            throw problems(e.problems(), err);
        }
    }

    /** Checks the certificate, key and trust files the configuration names. */
    static void checkFiles(LoadedConfig loaded, PrintWriter err) {
        List<ConfigProblem> problems = ConfigFileChecks.check(loaded);
        if (!problems.isEmpty()) {
            throw problems(problems, err);
        }
    }

    private static CliFailure problems(List<ConfigProblem> problems, PrintWriter err) {
        problems.forEach(err::println);
        err.flush();
        return CliFailure.badUsage(problems.size() == 1
                ? "the configuration has a problem (above)"
                : "the configuration has " + problems.size() + " problems (above)");
    }
}
