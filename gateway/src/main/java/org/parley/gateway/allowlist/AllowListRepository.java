package org.parley.gateway.allowlist;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.store.StoreException;
import org.parley.gateway.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the allow list in the store. Each write is one transaction that locks the revision row
 * first (so writers in any process serialise) and increments the revision when, and only when, it changes a
 * row; readers such as {@link AllowList} poll {@link #revision()} to notice changes.
 *
 * <p>Blocking JDBC: call from your own threads, never from a Netty event loop. Database failures are thrown as
 * {@link StoreException}. Thread-safe.
 */
public final class AllowListRepository {

    private static final Logger LOG = LoggerFactory.getLogger(AllowListRepository.class);

    private final Transactions transactions;
    private final Clock clock;

    public AllowListRepository(DataSource dataSource, Clock clock) {
        this.transactions = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every entry, ordered by domain. */
    public List<AllowListEntry> list() {
        return transactions.inTransaction("Reading the allow list", AllowListTable::selectAll);
    }

    /** The entry for {@code domain}, if listed. */
    public Optional<AllowListEntry> find(DomainName domain) {
        return transactions.inTransaction("Reading " + domain + " from the allow list",
                connection -> AllowListTable.select(connection, domain));
    }

    /** The current revision; it increases with every change to the allow list. */
    public long revision() {
        return transactions.inTransaction("Reading the allow-list revision", AllowListTable::revision);
    }

    /**
     * All entries with the revision they are at. The revision is read first, so a change committed meanwhile
     * leaves the snapshot at an older revision and is picked up by the next poll.
     */
    public AllowListSnapshot snapshot() {
        return transactions.inTransaction("Reading the allow list", connection -> {
            long revision = AllowListTable.revision(connection);
            return AllowListSnapshot.of(revision, AllowListTable.selectAll(connection));
        });
    }

    /** Adds {@code domain} with {@code policy}, or changes its entry to {@code policy} and {@code origin}. */
    public UpsertResult upsert(DomainName domain, DomainPolicy policy, Origin origin) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(origin, "origin");
        UpsertResult result = transactions.inTransaction("Adding " + domain + " to the allow list", connection -> {
            AllowListTable.lockForWriting(connection);
            return upsertLocked(connection, domain, policy, origin, now());
        });
        LOG.debug("Allow list upsert {}: {}", result.outcome(), result.entry().describe());
        return result;
    }

    /** Changes the fields {@code patch} gives of the existing entry; {@link SetResult.NotFound} if not listed. */
    public SetResult set(DomainName domain, AllowListPatch patch) {
        Objects.requireNonNull(patch, "patch");
        return transactions.inTransaction("Changing " + domain + " on the allow list", connection -> {
            AllowListTable.lockForWriting(connection);
            Optional<AllowListEntry> existing = AllowListTable.select(connection, domain);
            if (existing.isEmpty()) {
                return new SetResult.NotFound(domain);
            }
            DomainPolicy policy = patch.applyTo(existing.get().policy());
            if (policy.equals(existing.get().policy())) {
                return new SetResult.Updated(existing.get(), false);
            }
            AllowListEntry changed = existing.get().changed(policy, existing.get().origin(), now());
            AllowListTable.update(connection, changed);
            AllowListTable.incrementRevision(connection);
            return new SetResult.Updated(changed, true);
        });
    }

    /** Removes {@code domain}; whether it was listed. */
    public boolean remove(DomainName domain) {
        return transactions.inTransaction("Removing " + domain + " from the allow list", connection -> {
            AllowListTable.lockForWriting(connection);
            boolean removed = AllowListTable.delete(connection, domain);
            if (removed) {
                AllowListTable.incrementRevision(connection);
            }
            return removed;
        });
    }

    /**
     * Makes the store match the configuration's {@code <federation>} entries, in one transaction: each is
     * upserted with origin {@code config}; rows of origin {@code config} no longer configured are removed; rows
     * added with the CLI are kept. Each change is logged at INFO.
     *
     * @throws IllegalArgumentException if a name is not a domain name or appears twice (configuration
     *                                  validation prevents both)
     */
    public SyncResult syncFromConfig(List<FederationConfig.DomainEntry> configured) {
        Map<DomainName, DomainPolicy> wanted = wanted(configured);
        SyncResult result = transactions.inTransaction("Applying the configured allow list", connection -> {
            AllowListTable.lockForWriting(connection);
            return syncLocked(connection, wanted, now());
        });
        result.added().forEach(d -> LOG.info("Allow list: added {} from the configuration ({})", d,
                wanted.get(d).describe()));
        result.changed().forEach(d -> LOG.info("Allow list: updated {} from the configuration ({})", d,
                wanted.get(d).describe()));
        result.removed().forEach(d -> LOG.info("Allow list: removed {}, no longer in the configuration", d));
        return result;
    }

    private static Map<DomainName, DomainPolicy> wanted(List<FederationConfig.DomainEntry> configured) {
        Map<DomainName, DomainPolicy> wanted = new LinkedHashMap<>();
        for (FederationConfig.DomainEntry entry : configured) {
            DomainName domain = DomainName.of(entry.name());
            DomainPolicy policy = new DomainPolicy(entry.tls(), entry.auth(), entry.host(),
                    entry.port(), entry.enabled());
            if (wanted.put(domain, policy) != null) {
                throw new IllegalArgumentException("domain " + domain + " is configured twice");
            }
        }
        return wanted;
    }

    private SyncResult syncLocked(Connection connection, Map<DomainName, DomainPolicy> wanted, Instant now)
            throws SQLException {
        List<DomainName> added = new ArrayList<>();
        List<DomainName> changed = new ArrayList<>();
        List<DomainName> removed = new ArrayList<>();
        for (Map.Entry<DomainName, DomainPolicy> entry : wanted.entrySet()) {
            switch (upsertLocked(connection, entry.getKey(), entry.getValue(), Origin.CONFIG, now).outcome()) {
                case ADDED -> added.add(entry.getKey());
                case CHANGED -> changed.add(entry.getKey());
                case UNCHANGED -> { }
            }
        }
        for (AllowListEntry existing : AllowListTable.selectAll(connection)) {
            if (existing.origin() == Origin.CONFIG && !wanted.containsKey(existing.domain())) {
                AllowListTable.delete(connection, existing.domain());
                AllowListTable.incrementRevision(connection);
                removed.add(existing.domain());
            }
        }
        return new SyncResult(added, changed, removed);
    }

    private static UpsertResult upsertLocked(Connection connection, DomainName domain, DomainPolicy policy,
                                             Origin origin, Instant now) throws SQLException {
        Optional<AllowListEntry> existing = AllowListTable.select(connection, domain);
        if (existing.isEmpty()) {
            AllowListEntry entry = AllowListEntry.of(domain, policy, origin, now, now);
            AllowListTable.insert(connection, entry);
            AllowListTable.incrementRevision(connection);
            return new UpsertResult(entry, UpsertResult.Outcome.ADDED);
        }
        AllowListEntry old = existing.get();
        if (old.policy().equals(policy) && old.origin() == origin) {
            return new UpsertResult(old, UpsertResult.Outcome.UNCHANGED);
        }
        AllowListEntry changed = old.changed(policy, origin, now);
        AllowListTable.update(connection, changed);
        AllowListTable.incrementRevision(connection);
        return new UpsertResult(changed, UpsertResult.Outcome.CHANGED);
    }

    /** Now, at the precision both H2 and PostgreSQL store, so returned entries equal what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
