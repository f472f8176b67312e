package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigProblemTest {

    private static final Path FILE = Path.of("conf/gateway.xml");

    @Test
    void readsLikeACompilerMessage() {
        assertThat(new ConfigProblem(FILE, 12, 34, "<listen port>", "expected an integer from 0 to 65535, got '70000'"))
                .hasToString("conf/gateway.xml:12:34: <listen port>: expected an integer from 0 to 65535, got '70000'");
    }

    @Test
    void leavesOutUnknownPositionsAndEmptySubjects() {
        assertThat(new ConfigProblem(FILE, 0, 0, "", "configuration file not found"))
                .hasToString("conf/gateway.xml: configuration file not found");
        assertThat(new ConfigProblem(FILE, 3, 0, "", "not well-formed XML"))
                .hasToString("conf/gateway.xml:3: not well-formed XML");
    }

    @Test
    void exceptionListsEveryProblemOnItsOwnLine() {
        ConfigException exception = new ConfigException(List.of(
                new ConfigProblem(FILE, 1, 2, "<a>", "one"), new ConfigProblem(FILE, 3, 4, "<b>", "two")));

        assertThat(exception.getMessage()).isEqualTo(
                "conf/gateway.xml:1:2: <a>: one" + System.lineSeparator() + "conf/gateway.xml:3:4: <b>: two");
        assertThat(exception.problems()).hasSize(2);
    }

    @Test
    void exceptionNeedsAProblem() {
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
