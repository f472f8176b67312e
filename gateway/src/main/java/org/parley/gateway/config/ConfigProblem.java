package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the configuration, located in the file so an administrator can go straight to it.
 * {@link #toString()} reads like a compiler message:
 * {@code conf/gateway.xml:12:34: <listen port>: expected an integer from 0 to 65535, got '70000'}.
 *
 * @param file    the configuration file as it was named to the loader
 * @param line    1-based line, or 0 when the problem concerns the file as a whole
 * @param column  1-based column, or 0 when unknown
 * @param subject the element ({@code <domain>}) or attribute ({@code <listen port>}) concerned; empty when the
 *                problem is not about one (for example XML that is not well-formed)
 * @param message what is expected and, where there is one, what was found
 */
public record ConfigProblem(Path file, int line, int column, String subject, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: subject: message}, leaving out the parts that are unknown or empty. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!subject.isEmpty()) {
            text.append(subject).append(": ");
        }
        return text.append(message).toString();
    }
}
