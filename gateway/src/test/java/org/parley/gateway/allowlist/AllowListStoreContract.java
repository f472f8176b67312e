package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.config.FederationConfig.DomainEntry;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;

/**
 * The store and allow-list behaviour every supported database must show. Subclasses supply a fresh, empty
 * database per test ({@link #freshDatabase()}); the same logic then runs on H2 and on PostgreSQL.
 */
abstract class AllowListStoreContract {

    private static final Duration WITHIN_ONE_SECOND = Duration.ofSeconds(1);
    static final DomainName JABBER = DomainName.of("jabber.test");
    static final DomainName PARTNER = DomainName.of("partner.test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    private StoreConfig config;
    private Store store;
    AllowListRepository repository;

    /** A store configuration for a new, empty database; called once per test. */
    protected abstract StoreConfig freshDatabase();

    @BeforeEach
    void openStore() {
        config = freshDatabase();
        store = Store.open(config, new SimpleMeterRegistry());
        repository = new AllowListRepository(store.dataSource(), clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void migrationCreatesAnEmptyAllowListAtRevisionZero() throws SQLException {
        assertThat(store.schemaVersion()).isEqualTo("3");
        assertThat(repository.list()).isEmpty();
        assertThat(repository.revision()).isZero();
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(
                     "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                             + " ORDER BY \"installed_rank\"")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("1");
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }

    @Test
    void reopeningAMigratedDatabaseKeepsItsData() {
        repository.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CLI);
        try (Store second = Store.open(config, new SimpleMeterRegistry())) {
            assertThat(second.schemaVersion()).isEqualTo("3");
            assertThat(new AllowListRepository(second.dataSource(), clock).find(JABBER)).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tls not required, optional or disabled | sometimes | any      |       | cli
            auth not external, dialback or any     | optional  | password |       | cli
            port 0                                 | optional  | any      | 0     | cli
            port 65536                             | optional  | any      | 65536 | cli
            origin not config or cli               | optional  | any      |       | xml
            """)
    void schemaRefusesValuesOutsideItsChecks(String rule, String tls, String auth, Integer port, String origin)
            throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO allow_list (domain, tls_policy,"
                     + " auth_policy, port, origin, enabled, created_at, updated_at)"
                     + " VALUES ('bad.test', ?, ?, ?, ?, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, tls);
            insert.setString(2, auth);
            insert.setObject(3, port, Types.INTEGER);
            insert.setString(4, origin);
            assertThatThrownBy(insert::executeUpdate).as(rule).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void schemaAcceptsARowWithinItsChecks() throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO allow_list (domain, tls_policy, auth_policy, port, origin,"
                    + " enabled, created_at, updated_at) VALUES ('good.test', 'disabled', 'external', 65535, 'config',"
                    + " TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")).isEqualTo(1);
        }
    }

    @Test
    void upsertAddsThenChangesAnEntryKeepingItsCreationTime() {
        Instant created = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        UpsertResult added = repository.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK),
                Origin.CLI);
        assertThat(added.outcome()).isEqualTo(UpsertResult.Outcome.ADDED);
        assertThat(added.entry()).isEqualTo(new AllowListEntry(JABBER, TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK,
                Optional.empty(), OptionalInt.empty(), true, Origin.CLI, created, created));
        assertThat(repository.find(JABBER)).contains(added.entry());

        clock.advance(Duration.ofMinutes(5));
        DomainPolicy strict = new DomainPolicy(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL,
                Optional.of("xmpp.jabber.test"), OptionalInt.of(5270), true);
        UpsertResult changed = repository.upsert(JABBER, strict, Origin.CLI);

        assertThat(changed.outcome()).isEqualTo(UpsertResult.Outcome.CHANGED);
        assertThat(changed.entry().policy()).isEqualTo(strict);
        assertThat(changed.entry().createdAt()).isEqualTo(created);
        assertThat(changed.entry().updatedAt()).isEqualTo(created.plus(Duration.ofMinutes(5)));
        assertThat(repository.find(JABBER)).contains(changed.entry());
    }

    @Test
    void upsertOfTheSameValuesWritesNothing() {
        DomainPolicy policy = DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK);
        AllowListEntry stored = repository.upsert(JABBER, policy, Origin.CLI).entry();
        long revision = repository.revision();
        clock.advance(Duration.ofMinutes(1));

        UpsertResult again = repository.upsert(JABBER, policy, Origin.CLI);

        assertThat(again).isEqualTo(new UpsertResult(stored, UpsertResult.Outcome.UNCHANGED));
        assertThat(repository.revision()).isEqualTo(revision);
    }

    @Test
    void listIsOrderedByDomain() {
        for (String name : List.of("zulu.test", "alpha.test", "mike.test")) {
            repository.upsert(DomainName.of(name), DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.ANY), Origin.CLI);
        }
        assertThat(repository.list()).extracting(e -> e.domain().value())
                .containsExactly("alpha.test", "mike.test", "zulu.test");
    }

    @Test
    void domainsAreStoredAndFoundInNormalisedForm() {
        repository.upsert(DomainName.of("Bücher.Example."), DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.ANY),
                Origin.CLI);
        assertThat(repository.find(DomainName.of("BÜCHER.example"))).map(e -> e.domain().value())
                .contains("xn--bcher-kva.example");
    }

    @Test
    void setChangesOnlyTheGivenFields() {
        DomainPolicy original = new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK,
                Optional.of("xmpp.jabber.test"), OptionalInt.of(5269), true);
        AllowListEntry before = repository.upsert(JABBER, original, Origin.CONFIG).entry();
        clock.advance(Duration.ofSeconds(30));

        SetResult result = repository.set(JABBER, AllowListPatch.none().withEnabled(false).withoutPort());

        DomainPolicy expected = new DomainPolicy(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK,
                Optional.of("xmpp.jabber.test"), OptionalInt.empty(), false);
        AllowListEntry after = AllowListEntry.of(JABBER, expected, Origin.CONFIG, before.createdAt(),
                before.createdAt().plus(Duration.ofSeconds(30)));
        assertThat(result).isEqualTo(new SetResult.Updated(after, true));
        assertThat(repository.find(JABBER)).contains(after);
    }

    @Test
    void setOfAnUnlistedDomainIsNotFoundAndWritesNothing() {
        long revision = repository.revision();
        assertThat(repository.set(PARTNER, AllowListPatch.none().withTls(TlsPolicy.REQUIRED)))
                .isEqualTo(new SetResult.NotFound(PARTNER));
        assertThat(repository.find(PARTNER)).isEmpty();
        assertThat(repository.revision()).isEqualTo(revision);
    }

    @Test
    void removeDeletesTheEntryAndSaysWhetherItWasListed() {
        repository.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CLI);
        assertThat(repository.remove(JABBER)).isTrue();
        assertThat(repository.find(JABBER)).isEmpty();
        assertThat(repository.remove(JABBER)).isFalse();
    }

    @Test
    void revisionIncreasesWithEveryChangeAndOnlyThen() {
        DomainPolicy policy = DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY);
        long start = repository.revision();
        repository.upsert(JABBER, policy, Origin.CLI);
        long afterAdd = repository.revision();
        repository.upsert(JABBER, policy, Origin.CLI);
        repository.set(JABBER, AllowListPatch.none().withTls(TlsPolicy.OPTIONAL));
        long afterNoOps = repository.revision();
        repository.set(JABBER, AllowListPatch.none().withTls(TlsPolicy.REQUIRED));
        long afterSet = repository.revision();
        repository.remove(JABBER);
        repository.remove(JABBER);
        long afterRemove = repository.revision();

        assertThat(afterAdd).isGreaterThan(start);
        assertThat(afterNoOps).isEqualTo(afterAdd);
        assertThat(afterSet).isGreaterThan(afterNoOps);
        assertThat(afterRemove).isGreaterThan(afterSet).isEqualTo(afterSet + 1);
    }

    @Test
    void syncFromConfigUpsertsConfiguredDomainsRemovesStaleOnesAndKeepsCliEntries() {
        DomainName stale = DomainName.of("stale.test");
        DomainName cli = DomainName.of("cli.test");
        repository.upsert(stale, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CONFIG);
        repository.upsert(cli, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CLI);
        repository.upsert(PARTNER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CLI);

        SyncResult result = repository.syncFromConfig(List.of(
                new DomainEntry("Jabber.Test.", TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK, Optional.empty(),
                        OptionalInt.empty(), true),
                new DomainEntry("partner.test", TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL,
                        Optional.of("xmpp.partner.test"), OptionalInt.of(5269), true)));

        assertThat(result).isEqualTo(new SyncResult(List.of(JABBER), List.of(PARTNER), List.of(stale)));
        assertThat(repository.list()).extracting(AllowListEntry::domain, AllowListEntry::origin).containsExactly(
                org.assertj.core.groups.Tuple.tuple(cli, Origin.CLI),
                org.assertj.core.groups.Tuple.tuple(JABBER, Origin.CONFIG),
                org.assertj.core.groups.Tuple.tuple(PARTNER, Origin.CONFIG));
        assertThat(repository.find(PARTNER)).map(AllowListEntry::policy).contains(new DomainPolicy(
                TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL, Optional.of("xmpp.partner.test"), OptionalInt.of(5269), true));
    }

    @Test
    void syncFromUnchangedConfigChangesNothing() {
        List<DomainEntry> configured = List.of(new DomainEntry("jabber.test", TlsPolicy.OPTIONAL,
                AuthPolicy.DIALBACK, Optional.empty(), OptionalInt.empty(), false));
        repository.syncFromConfig(configured);
        long revision = repository.revision();

        assertThat(repository.syncFromConfig(configured).isEmpty()).isTrue();
        assertThat(repository.revision()).isEqualTo(revision);
    }

    @Test
    void syncFromConfigRefusesADomainConfiguredTwice() {
        DomainEntry entry = new DomainEntry("jabber.test", TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK, Optional.empty(),
                OptionalInt.empty(), true);
        assertThatThrownBy(() -> repository.syncFromConfig(List.of(entry, entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jabber.test");
    }

    @Test
    void allowListSeesAddChangeAndRemoveMadeThroughAnotherStoreWithinOneSecond() throws InterruptedException {
        repository.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CONFIG);
        AllowListChanges changes = new AllowListChanges();
        try (Store other = Store.open(config, new SimpleMeterRegistry());
             AllowList allowList = new AllowList(repository, AllowList.DEFAULT_POLL_INTERVAL)) {
            allowList.addListener(changes);
            allowList.start();
            assertThat(allowList.lookup(JABBER)).isPresent();
            AllowListRepository writer = new AllowListRepository(other.dataSource(), clock);

            AllowListEntry added = writer.upsert(PARTNER, DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL),
                    Origin.CLI).entry();
            assertThat(changes.next(WITHIN_ONE_SECOND)).isEqualTo(
                    new AllowListDiff(List.of(added), List.of(), List.of()));
            assertThat(allowList.lookup(PARTNER)).contains(added);

            clock.advance(Duration.ofSeconds(1));
            SetResult.Updated disabled = (SetResult.Updated) writer.set(PARTNER,
                    AllowListPatch.none().withEnabled(false));
            assertThat(changes.next(WITHIN_ONE_SECOND).changed())
                    .containsExactly(new AllowListDiff.Change(added, disabled.entry()));
            assertThat(allowList.decide(FederationConfig.Mode.ALLOW_LIST, PARTNER))
                    .isEqualTo(new FederationDecision.Refused(PARTNER, FederationDecision.Reason.DISABLED));

            writer.remove(JABBER);
            assertThat(changes.next(WITHIN_ONE_SECOND).removed()).extracting(AllowListEntry::domain)
                    .containsExactly(JABBER);
            assertThat(allowList.lookup(JABBER)).isEmpty();
            assertThat(allowList.snapshot().revision()).isEqualTo(writer.revision());
        }
    }
}
