package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.config.FederationConfig.Mode;

class AllowListSnapshotTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final DomainPolicy STRICT = new DomainPolicy(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL,
            Optional.of("xmpp.partner.test"), OptionalInt.of(5269), true);
    private static final AllowListEntry PARTNER = AllowListEntry.of(DomainName.of("partner.test"), STRICT,
            Origin.CONFIG, T, T);
    private static final AllowListEntry BLOCKED = AllowListEntry.of(DomainName.of("blocked.test"),
            new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.ANY, Optional.empty(), OptionalInt.empty(), false),
            Origin.CLI, T, T);
    private static final AllowListSnapshot SNAPSHOT = AllowListSnapshot.of(7, List.of(PARTNER, BLOCKED));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ALLOW_LIST | partner.test  | permitted with its entry
            ALLOW_LIST | blocked.test  | DISABLED
            ALLOW_LIST | unknown.test  | NOT_LISTED
            OPEN       | partner.test  | permitted with its entry
            OPEN       | blocked.test  | DISABLED
            OPEN       | unknown.test  | permitted with open-mode defaults
            """)
    void decidesFederationByModeAndEntry(Mode mode, String domain, String expected) {
        DomainName name = DomainName.of(domain);
        FederationDecision expectedDecision = switch (expected) {
            case "permitted with its entry" ->
                    new FederationDecision.Permitted(name, STRICT, SNAPSHOT.lookup(name));
            case "permitted with open-mode defaults" ->
                    new FederationDecision.Permitted(name, DomainPolicy.OPEN_MODE_DEFAULT, Optional.empty());
            default -> new FederationDecision.Refused(name, FederationDecision.Reason.valueOf(expected));
        };
        assertThat(SNAPSHOT.decide(mode, name)).isEqualTo(expectedDecision);
    }

    @org.junit.jupiter.api.Test
    void refusalExplainsItselfWithTheDomain() {
        assertThat(SNAPSHOT.decide(Mode.ALLOW_LIST, DomainName.of("unknown.test")))
                .isInstanceOfSatisfying(FederationDecision.Refused.class, refused ->
                        assertThat(refused.explanation()).isEqualTo("unknown.test is not on the allow list"));
    }

    @org.junit.jupiter.api.Test
    void sortedListsEntriesByDomain() {
        assertThat(SNAPSHOT.sorted()).containsExactly(BLOCKED, PARTNER);
    }

    @org.junit.jupiter.api.Test
    void refusesTwoEntriesForOneDomain() {
        assertThatThrownBy(() -> AllowListSnapshot.of(1, List.of(PARTNER, PARTNER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partner.test");
    }

    @org.junit.jupiter.api.Test
    void diffReportsAddedChangedAndRemovedEntries() {
        AllowListEntry disabledPartner = PARTNER.changed(new DomainPolicy(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL,
                Optional.empty(), OptionalInt.empty(), false), Origin.CLI, T.plusSeconds(1));
        AllowListEntry added = AllowListEntry.of(DomainName.of("new.test"), DomainPolicy.of(TlsPolicy.OPTIONAL,
                AuthPolicy.DIALBACK), Origin.CLI, T, T);

        AllowListDiff diff = AllowListDiff.between(SNAPSHOT, AllowListSnapshot.of(8, List.of(disabledPartner, added)));

        assertThat(diff).isEqualTo(new AllowListDiff(List.of(added),
                List.of(new AllowListDiff.Change(PARTNER, disabledPartner)), List.of(BLOCKED)));
        assertThat(AllowListDiff.between(SNAPSHOT, SNAPSHOT).isEmpty()).isTrue();
    }
}
