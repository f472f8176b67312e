package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a setting was written in the configuration file: the file, line and column, and the element or attribute
 * ({@code <tls certificate>}). Checks made after loading use it to report problems in the same form as the loader.
 */
public record ConfigLocation(Path file, int line, int column, String subject) {

    public ConfigLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(subject, "subject");
    }

    /** A problem at this location. */
    public ConfigProblem problem(String message) {
        return new ConfigProblem(file, line, column, subject, message);
    }
}
