package org.parley.gateway.pki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link DevelopmentCertificates} did, or why it did nothing. Every case except {@link Generated} and
 * {@link AlreadyPresent} means that no file was written and the administrator has to act; {@link #summary()}
 * says what happened in words fit for the command line or the log.
 */
public sealed interface GenerationResult {

    /** One or two sentences for an administrator. */
    String summary();

    /** Whether the configured certificate files are now in place (generated now or before). */
    default boolean ready() {
        return this instanceof Generated || this instanceof AlreadyPresent;
    }

    /**
     * Files were written.
     *
     * @param written  every file written, in writing order
     * @param caReused whether an existing CA ({@code ca-key.pem} next to the SIP trust file) issued the leaves
     * @param ca       the CA certificate peers must trust
     */
    record Generated(List<Path> written, boolean caReused, X509Certificate ca) implements GenerationResult {
        public Generated {
            written = List.copyOf(written);
        }

        @Override
        public String summary() {
            return "wrote " + join(written)
                    + (caReused ? " with the existing development CA" : " with a new development CA")
                    + "; peers must trust " + CertificateNames.describe(ca);
        }
    }

    /** Nothing written: these files exist and overwriting was not asked for. */
    record WouldOverwrite(List<Path> existing) implements GenerationResult {
        public WouldOverwrite {
            existing = List.copyOf(existing);
        }

        @Override
        public String summary() {
            return "not overwriting existing " + join(existing) + "; use --force to replace them";
        }
    }

    /** First run: every configured certificate, key and trust file exists; nothing to do. */
    record AlreadyPresent(List<Path> files) implements GenerationResult {
        public AlreadyPresent {
            files = List.copyOf(files);
        }

        @Override
        public String summary() {
            return "certificate files present: " + join(files);
        }
    }

    /** First run: some configured files exist and some do not; generating would mix two CAs, so nothing was written. */
    record Incomplete(List<Path> present, List<Path> missing) implements GenerationResult {
        public Incomplete {
            present = List.copyOf(present);
            missing = List.copyOf(missing);
        }

        @Override
        public String summary() {
            return "missing " + join(missing) + " while " + join(present)
                    + " exist; provide the missing files, or run 'parley certs init --force' to replace all of them "
                    + "with development certificates";
        }
    }

    /** The configuration uses one path for two different files (e.g. the same file as certificate and key). */
    record Conflict(String problem) implements GenerationResult {
        @Override
        public String summary() {
            return problem;
        }
    }

    private static String join(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
