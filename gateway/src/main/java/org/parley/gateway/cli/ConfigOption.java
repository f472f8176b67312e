package org.parley.gateway.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}, shared by every command that reads the configuration. The default is
 * {@code conf/gateway.xml} under {@code $PARLEY_HOME} (set by the {@code ./parley} launcher to the
 * installation directory), or under the current directory.
 */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            defaultValue = "${env:PARLEY_HOME:-.}/conf/gateway.xml",
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    private Path file;

    Path file() {
        return file.toAbsolutePath().normalize();
    }
}
