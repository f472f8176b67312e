package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.config.FederationConfig;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

class RoutePolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jabber.test   | permitted
            JABBER.test   | permitted
            evil.test     | policy-violation
            not_a..domain | jid-malformed
            """)
    void permitsOnlyWhatTheAllowListPermits(String domain, String expected) {
        Optional<Rejection> refusal = RouteFixtures.policy().refusal(domain);

        assertThat(refusal.map(r -> r.condition().elementName()).orElse("permitted")).isEqualTo(expected);
        refusal.filter(r -> r.condition() == StanzaErrorCondition.POLICY_VIOLATION)
                .ifPresent(r -> assertThat(r.sipStatus()).isEqualTo(403));
    }

    @Test
    void refusesEverythingUntilTheAllowListIsLoaded() {
        RoutePolicy policy = new RoutePolicy(Optional::empty, FederationConfig.Mode.OPEN);

        assertThat(policy.refusal("jabber.test")).hasValueSatisfying(r ->
                assertThat(r.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
    }
}
