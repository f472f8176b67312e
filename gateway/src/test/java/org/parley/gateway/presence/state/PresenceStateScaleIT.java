package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 100,000 stored subscriptions (an authorization and a dialog each) and as many last known presences: written
 * through {@link PresenceState}, then loaded by a restart. Logs write throughput and restart-to-restored time
 * (issue 6 benchmark); asserts only that everything comes back.
 */
class PresenceStateScaleIT {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceStateScaleIT.class);
    private static final int SUBSCRIPTIONS = 100_000;
    private static final int CHUNK = 5_000;
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final StateWriterSettings SETTINGS = new StateWriterSettings(3 * CHUNK, 500,
            Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @Test
    void hundredThousandSubscriptionsAreRestoredOnH2() throws Exception {
        writeAndRestore("H2", new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void hundredThousandSubscriptionsAreRestoredOnPostgres() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            writeAndRestore("PostgreSQL", server.createDatabase("scale"));
        }
    }

    private static void writeAndRestore(String database, StoreConfig config) throws Exception {
        try (Store store = Store.open(config, new SimpleMeterRegistry())) {
            long started = System.nanoTime();
            try (PresenceState state = PresenceState.open(store.dataSource(), CLOCK, SETTINGS)) {
                for (int first = 0; first < SUBSCRIPTIONS; first += CHUNK) {
                    List<CompletableFuture<Void>> stages = new ArrayList<>();
                    for (int n = first; n < first + CHUNK; n++) {
                        stages.add(state.apply(StateChange.put(Samples.authorization(n,
                                AuthorizationDirection.XMPP_TO_SIP, AuthorizationState.AUTHORIZED)))
                                .toCompletableFuture());
                        stages.add(state.apply(StateChange.put(Samples.dialog(n, DialogRole.SUBSCRIBER,
                                T0.plusSeconds(3600)))).toCompletableFuture());
                        stages.add(state.apply(StateChange.put(Samples.presence(n, "laptop"))).toCompletableFuture());
                    }
                    CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.info("{}: {} changes written in {} s ({} changes/s, {} transactions)", database,
                        3 * SUBSCRIPTIONS, String.format("%.1f", seconds), Math.round(3 * SUBSCRIPTIONS / seconds),
                        state.writerStats().committedBatches());
            }

            long restart = System.nanoTime();
            try (PresenceState restarted = PresenceState.open(store.dataSource(), CLOCK, SETTINGS)) {
                long millis = (System.nanoTime() - restart) / 1_000_000;
                LOG.info("{}: restart to restored state with {} subscriptions and {} resources: {} ms", database,
                        SUBSCRIPTIONS, SUBSCRIPTIONS, millis);
                assertThat(restarted.cache().counts()).isEqualTo(
                        new PresenceStateCache.Counts(0, SUBSCRIPTIONS));
                RestoredState restored = restarted.takeRestored();
                assertThat(restored.authorizations()).hasSize(SUBSCRIPTIONS);
                assertThat(restored.subscriberDialogsToRefresh()).hasSize(SUBSCRIPTIONS);
            }
        }
    }
}
