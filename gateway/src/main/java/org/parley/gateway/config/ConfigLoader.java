package org.parley.gateway.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code conf/gateway.xml} once into {@link GatewayConfig}: parses it securely (no DOCTYPE, no entities, no
 * XInclude), validates it against the packaged {@code urn:parley:gateway:1} schema, fills in defaults, resolves
 * relative paths against the file's directory and checks what the schema cannot (domain names, duplicates, port
 * ranges). Every problem is reported with file, line and column. Files named by the configuration are checked
 * separately, by {@link ConfigFileChecks}, so that missing development certificates can be generated in between.
 *
 * <p>Thread-safe; the compiled schema is shared by all loads.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final ConfigSchema schema;

    /** Compiles the schema packaged in the jar. */
    public ConfigLoader() {
        this.schema = ConfigSchema.load();
    }

    /**
     * Loads and validates a configuration file.
     *
     * @param file the configuration file; problems name it as given here, relative paths inside it are resolved
     *             against its directory
     * @return the validated configuration and where its file settings were written
     * @throws ConfigException with every problem found (all schema violations or the first XML syntax error; else
     *                         all semantic problems)
     */
    public LoadedConfig load(Path file) throws ConfigException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "configuration file not found")));
        } catch (AccessDeniedException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "cannot read the configuration file: permission denied")));
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "is a directory, not a configuration file"
                                                    : "cannot read the configuration file: " + e.getMessage();
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", reason)));
        }
        XmlElement root = new ConfigDocumentParser(schema).parse(file, content);
        LoadedConfig loaded = ConfigMapper.map(file, root);
        LOG.debug("Configuration loaded from {}", loaded.config().source());
        return loaded;
    }
}
