package org.parley.gateway.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PEM file (RFC 7468) that cannot be used: missing, unreadable, empty, not PEM, of the wrong kind or encrypted.
 * The message is written for an administrator and always starts with the file's path.
 */
public final class PemException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the file concerned; {@code problem} says what is wrong with it and, where possible, what to do */
    public PemException(Path file, String problem) {
        this(file, problem, null);
    }

    /** As {@link #PemException(Path, String)}, keeping the underlying cause for the log. */
    public PemException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
    }

    /** The file the problem is about (null only after deserialisation). */
    public Path file() {
        return file;
    }
}
