package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-domain route state machine: which evidence leads to which report, each transition once. */
class RouteStatesTest {

    private final List<String> reports = new ArrayList<>();
    private final RouteStates states = new RouteStates((domain, state) -> reports.add(domain + " " + state));

    /** Evidence for jabber.test ({@code ready} or {@code failed}) → the reports it makes, in order. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("ready", "UP"),
                Arguments.of("ready ready", "UP"),
                Arguments.of("failed", ""),
                Arguments.of("failed ready", "UP"),
                Arguments.of("ready failed", "UP LOST"),
                Arguments.of("ready failed failed", "UP LOST"),
                Arguments.of("ready failed ready", "UP LOST UP"),
                Arguments.of("ready failed ready ready failed", "UP LOST UP LOST"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("transitions")
    void reportsEachTransitionOnce(String evidence, String expected) {
        for (String step : evidence.split(" ")) {
            if (step.equals("ready")) {
                states.ready("jabber.test");
            } else {
                states.failed("jabber.test", "test");
            }
        }
        List<String> wanted = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(" ")).map(s -> "jabber.test " + s).toList();
        assertThat(reports).containsExactlyElementsOf(wanted);
    }

    @Test
    void keepsDomainsApart() {
        states.ready("jabber.test");
        states.ready("other.test");
        states.failed("other.test", "reset");
        assertThat(reports).containsExactly("jabber.test UP", "other.test UP", "other.test LOST");
        assertThat(states.state("jabber.test")).isEqualTo(RouteState.UP);
        assertThat(states.state("other.test")).isEqualTo(RouteState.LOST);
        assertThat(states.state("never.test")).isNull();
    }

    @Test
    void reportsNothingOnceStoppedSoThatShutdownIsNoLoss() {
        states.ready("jabber.test");
        states.stop();
        states.failed("jabber.test", "closed by shutdown");
        states.ready("other.test");
        assertThat(reports).containsExactly("jabber.test UP");
    }

    @Test
    void keepsItsStateWhenTheListenerThrows() {
        RouteStates throwing = new RouteStates((domain, state) -> {
            throw new IllegalStateException("full");
        });
        throwing.ready("jabber.test");
        throwing.failed("jabber.test", "reset");
        assertThat(throwing.state("jabber.test")).isEqualTo(RouteState.LOST);
    }
}
