package org.parley.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;
import org.parley.gateway.allowlist.DomainName;

/**
 * Typed reading of schema-valid elements and attributes, with defaults for what is not written, collecting a
 * {@link ConfigProblem} for each value the schema cannot check (domain names, IP addresses) instead of stopping
 * at the first.
 */
final class ConfigValues {

    private final Path file;
    private final Path baseDirectory;
    private final List<ConfigProblem> problems = new ArrayList<>();

    /**
     * @param file          the file named in problems
     * @param baseDirectory the directory relative paths are resolved against
     */
    ConfigValues(Path file, Path baseDirectory) {
        this.file = file;
        this.baseDirectory = baseDirectory;
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    void problem(Position at, String subject, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), subject, message));
    }

    ConfigLocation location(Position at, String subject) {
        return new ConfigLocation(file, at.line(), at.column(), subject);
    }

    Optional<String> string(Optional<XmlElement> element, String attribute) {
        return element.flatMap(e -> e.attribute(attribute)).map(a -> a.value().strip());
    }

    /** An attribute exactly as written, surrounding spaces included (passwords). */
    Optional<String> verbatim(Optional<XmlElement> element, String attribute) {
        return element.flatMap(e -> e.attribute(attribute)).map(XmlAttribute::value);
    }

    String string(Optional<XmlElement> element, String attribute, String fallback) {
        return string(element, attribute).orElse(fallback);
    }

    /** An integer attribute; the schema has already checked its range. */
    int integer(Optional<XmlElement> element, String attribute, int fallback) {
        return string(element, attribute).map(Integer::parseInt).orElse(fallback);
    }

    boolean bool(Optional<XmlElement> element, String attribute, boolean fallback) {
        return string(element, attribute).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** An enumerated attribute spelled as in the schema ({@code allow-list}) mapped to {@code ALLOW_LIST}. */
    <E extends Enum<E>> E token(Optional<XmlElement> element, String attribute, Class<E> type, E fallback) {
        return string(element, attribute)
                .map(token -> Enum.valueOf(type, token.replace('-', '_').toUpperCase(Locale.ROOT)))
                .orElse(fallback);
    }

    /** An ISO-8601 duration the schema has checked to be positive, without years or months. */
    Duration duration(Optional<XmlElement> element, String attribute, Duration fallback) {
        Optional<XmlAttribute> written = element.flatMap(e -> e.attribute(attribute));
        if (written.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(written.get().value().strip());
        } catch (DateTimeParseException e) {
            problem(written.get().position(), element.get().subject(attribute),
                    "expected a positive ISO-8601 duration such as PT30S, got '" + written.get().value() + "'");
            return fallback;
        }
    }

    /** A file path, resolved against the configuration file's directory. */
    Path path(Optional<XmlElement> element, String attribute, String fallback) {
        return ConfigPaths.resolve(baseDirectory, string(element, attribute, fallback));
    }

    Optional<Path> path(Optional<XmlElement> element, String attribute) {
        return string(element, attribute).map(value -> ConfigPaths.resolve(baseDirectory, value));
    }

    String jdbcUrl(Optional<XmlElement> element, String attribute, String fallback) {
        return ConfigPaths.resolveJdbcUrl(baseDirectory, string(element, attribute, fallback));
    }

    /** An IP address literal (no host names: these are addresses to bind or to advertise). */
    String ipAddress(Optional<XmlElement> element, String attribute, String fallback) {
        return ipAddress(element, attribute).orElse(fallback);
    }

    Optional<String> ipAddress(Optional<XmlElement> element, String attribute) {
        Optional<XmlAttribute> written = element.flatMap(e -> e.attribute(attribute));
        if (written.isEmpty()) {
            return Optional.empty();
        }
        String value = written.get().value().strip();
        if (!IPAddress.isValid(value)) {
            problem(written.get().position(), element.get().subject(attribute),
                    "expected an IPv4 or IPv6 address, got '" + written.get().value() + "'");
        }
        return Optional.of(value);
    }

    /** The text of {@code element} as a normalised domain name; empty (and a problem) if it is not one. */
    Optional<DomainName> domain(XmlElement element) {
        return domain(element.text(), element.position(), element.subject());
    }

    /** An attribute as a normalised domain name; empty if absent or (with a problem) not a domain name. */
    Optional<DomainName> domain(XmlElement element, String attribute) {
        return element.attribute(attribute)
                .flatMap(a -> domain(a.value(), a.position(), element.subject(attribute)));
    }

    private Optional<DomainName> domain(String raw, Position at, String subject) {
        DomainName.Parsed parsed = DomainName.parse(raw);
        if (parsed instanceof DomainName.Parsed.Valid valid) {
            return Optional.of(valid.name());
        }
        DomainName.Parsed.Invalid invalid = (DomainName.Parsed.Invalid) parsed;
        problem(at, subject, "expected a domain name, got '" + raw.strip() + "': " + invalid.reason());
        return Optional.empty();
    }
}
