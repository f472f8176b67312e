package org.parley.gateway.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A configuration that passed the schema and the semantic checks, with where its file settings were written so
 * later checks ({@link ConfigFileChecks}) can report problems at the right line and column.
 *
 * @param config        the validated configuration
 * @param fileLocations where each {@link FileSetting} was written; for a setting left at its default, the
 *                      element that would carry it (or its nearest written ancestor)
 */
public record LoadedConfig(GatewayConfig config, Map<FileSetting, ConfigLocation> fileLocations) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        fileLocations = Map.copyOf(fileLocations);
        Set<FileSetting> missing = EnumSet.allOf(FileSetting.class);
        missing.removeAll(fileLocations.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no location for " + missing);
        }
    }

    /** Where {@code setting} was written (or would be). */
    public ConfigLocation locationOf(FileSetting setting) {
        return fileLocations.get(setting);
    }
}
