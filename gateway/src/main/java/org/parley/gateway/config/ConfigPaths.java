package org.parley.gateway.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The relative path rule: paths in the configuration are relative to the directory of the configuration file,
 * not to the working directory, and so is the database path of an {@code jdbc:h2:file:} URL.
 */
final class ConfigPaths {

    private static final String H2_FILE = "jdbc:h2:file:";

    private ConfigPaths() { }

    /** {@code value} as an absolute, normalised path; relative values are resolved against {@code base}. */
    static Path resolve(Path base, String value) {
        return base.resolve(value.strip()).normalize();
    }

    /**
     * Makes the database path of a {@code jdbc:h2:file:} URL absolute, keeping settings after {@code ;}
     * ({@code jdbc:h2:file:../data/parley;MODE=PostgreSQL} → {@code jdbc:h2:file:/srv/parley/data/parley;MODE=PostgreSQL}).
     * Paths that are already absolute or start with {@code ~} (H2's home directory) and all other URLs are
     * returned unchanged.
     */
    static String resolveJdbcUrl(Path base, String url) {
        String trimmed = url.strip();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith(H2_FILE)) {
            return trimmed;
        }
        String rest = trimmed.substring(H2_FILE.length());
        int semicolon = rest.indexOf(';');
        String database = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String settings = semicolon < 0 ? "" : rest.substring(semicolon);
        if (database.isEmpty() || database.startsWith("~")) {
            return trimmed;
        }
        try {
            Path path = Path.of(database);
            if (path.isAbsolute()) {
                return trimmed;
            }
            return trimmed.substring(0, H2_FILE.length()) + base.resolve(path).normalize() + settings;
        } catch (InvalidPathException e) {
            return trimmed;
        }
    }
}
