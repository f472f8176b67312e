package org.parley.gateway.assembly;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.parley.gateway.admin.Health;
import org.parley.gateway.admin.HealthCheck;
import org.parley.gateway.allowlist.AllowList;
import org.parley.gateway.allowlist.AllowListRepository;
import org.parley.gateway.allowlist.SyncResult;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.lifecycle.Service;
import org.parley.gateway.presence.state.PresenceState;
import org.parley.gateway.presence.state.StateWriterSettings;
import org.parley.gateway.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as a lifecycle service: opens the database (migrating it), upserts the {@code <federation>} entries
 * of the configuration (origin {@code config}), and keeps the live {@link AllowList} polling for changes made by
 * other processes (the CLI), and opens the presence state kept in it ({@link PresenceState}). Also the
 * {@code store} health check.
 */
public final class StoreService implements Service, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);

    private final StoreConfig storeConfig;
    private final FederationConfig federation;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration pollInterval;
    private final StateWriterSettings writerSettings;

    private Store store;
    private AllowList allowList;
    private PresenceState presenceState;

    /**
     * @param stateWriteLinger the presence-state writer's linger while the store is busy
     *                         ({@code <presence state-write-linger>}, {@link StateWriterSettings#linger})
     */
    public StoreService(StoreConfig storeConfig, FederationConfig federation, MeterRegistry registry, Clock clock,
                        Duration pollInterval, Duration stateWriteLinger) {
        this.storeConfig = storeConfig;
        this.federation = federation;
        this.registry = registry;
        this.clock = clock;
        this.pollInterval = pollInterval;
        StateWriterSettings defaults = StateWriterSettings.DEFAULTS;
        this.writerSettings = new StateWriterSettings(defaults.queueCapacity(), defaults.maxBatchSize(),
                defaults.closeTimeout(), stateWriteLinger);
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public synchronized void start() {
        Store opened = Store.open(storeConfig, registry);
        try {
            AllowListRepository repository = new AllowListRepository(opened.dataSource(), clock);
            SyncResult sync = repository.syncFromConfig(federation.domains());
            LOG.info("store {} at schema version {}; allow-list entries from the configuration: {} added, {} changed, {} removed",
                    opened.displayUrl(), opened.schemaVersion(), sync.added().size(), sync.changed().size(),
                    sync.removed().size());
            AllowList live = new AllowList(repository, pollInterval);
            live.start();
            PresenceState presence;
            try {
                presence = PresenceState.open(opened.dataSource(), clock, writerSettings);
            } catch (RuntimeException e) {
                live.stop();
                throw e;
            }
            registerGauges(live);
            store = opened;
            allowList = live;
            presenceState = presence;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private void registerGauges(AllowList live) {
        Gauge.builder("parley.allowlist.entries", live, l -> l.snapshot().entries().size())
                .description("Domains on the allow list as the running gateway sees it")
                .register(registry);
        Gauge.builder("parley.allowlist.revision", live, l -> l.snapshot().revision())
                .description("Revision of the allow list last read from the store (grows with every change)")
                .register(registry);
    }

    @Override
    public synchronized void stop() {
        if (presenceState != null) {
            presenceState.close();
            presenceState = null;
        }
        if (allowList != null) {
            allowList.stop();
            allowList = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The live allow list while the service runs. */
    public synchronized Optional<AllowList> allowList() {
        return Optional.ofNullable(allowList);
    }

    /** The presence state (authorizations, dialogs, last presence) while the service runs. */
    public synchronized Optional<PresenceState> presenceState() {
        return Optional.ofNullable(presenceState);
    }

    @Override
    public Health check() {
        Store current;
        synchronized (this) {
            current = store;
        }
        if (current == null) {
            return Health.down("not started");
        }
        return current.ping(PING_TIMEOUT) ? Health.up() : Health.down("no answer from " + current.displayUrl());
    }
}
