package org.parley.gateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Carries every problem found (at least one), in the order of the file; the message is
 * their {@link ConfigProblem#toString()} forms, one per line.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** @param problems what is wrong; must not be empty */
    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Everything that is wrong, in the order found (empty only after deserialisation). */
    public List<ConfigProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
