package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowListPatchTest {

    private static final DomainPolicy CURRENT = new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK,
            Optional.of("xmpp.jabber.test"), OptionalInt.of(5269), true);

    @Test
    void emptyPatchKeepsEveryField() {
        assertThat(AllowListPatch.none().applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void patchSetsTheGivenFieldsOnly() {
        AllowListPatch patch = AllowListPatch.none().withTls(TlsPolicy.REQUIRED).withPort(5270);
        assertThat(patch.applyTo(CURRENT)).isEqualTo(new DomainPolicy(TlsPolicy.REQUIRED, AuthPolicy.DIALBACK,
                Optional.of("xmpp.jabber.test"), OptionalInt.of(5270), true));
    }

    @Test
    void patchClearsHostAndPortOverrides() {
        AllowListPatch patch = AllowListPatch.none().withoutHost().withoutPort().withAuth(AuthPolicy.ANY)
                .withEnabled(false);
        assertThat(patch.applyTo(CURRENT)).isEqualTo(new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.ANY,
                Optional.empty(), OptionalInt.empty(), false));
    }

    @Test
    void patchSetsAnOverrideThatWasAbsent() {
        DomainPolicy plain = DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY);
        assertThat(AllowListPatch.none().withHost("relay.test").applyTo(plain).host()).contains("relay.test");
    }

    @ParameterizedTest(name = "port {0}")
    @CsvSource({"0", "65536", "-1"})
    void refusesPortsOutsideTheTcpRange(int port) {
        assertThatThrownBy(() -> AllowListPatch.none().withPort(port).applyTo(CURRENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
    }

    @Test
    void refusesABlankHost() {
        assertThatThrownBy(() -> AllowListPatch.none().withHost(" ").applyTo(CURRENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }

    @Test
    void describesAPolicyOnOneLine() {
        assertThat(CURRENT.describe()).isEqualTo("tls=optional auth=dialback host=xmpp.jabber.test port=5269 enabled");
    }
}
