package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.ChildJvm;
import org.parley.gateway.testpeers.PostgresServer;

/**
 * Durability across a crash: a child JVM applies changes through {@link PresenceState} and halts abruptly (like
 * {@code kill -9}) in the middle of acknowledging them; the store, opened again, holds every change whose stage
 * had completed.
 */
class PresenceStateCrashIT {

    private static final int CHANGES = 3000;
    private static final int HALT_AFTER = 1500;
    private static final Duration CHILD_TIME = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedChangeSurvivesAHaltOnH2() {
        StoreConfig config = new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(),
                Optional.empty());
        assertAcknowledgedChangesSurviveAHalt(config);
    }

    @Test
    void everyAcknowledgedChangeSurvivesAHaltOnPostgres() {
        try (PostgresServer server = PostgresServer.start()) {
            assertAcknowledgedChangesSurviveAHalt(server.createDatabase("crash"));
        }
    }

    private void assertAcknowledgedChangesSurviveAHalt(StoreConfig config) {
        Set<Integer> acknowledged = new HashSet<>();
        try (ChildJvm child = ChildJvm.start(StateWriterCrashMain.class, dir.resolve("child.stderr"), config.url(),
                config.user().orElse("-"), config.password().orElse("-"), Integer.toString(CHANGES),
                Integer.toString(HALT_AFTER), Long.toString(CHILD_TIME.toSeconds()))) {
            String reply;
            while (!(reply = child.awaitReply(CHILD_TIME)).equals(ChildJvm.REPLY + "halting")) {
                acknowledged.add(Integer.parseInt(reply.substring((ChildJvm.REPLY + "acked ").length())));
            }
            assertThat(child.awaitExit(CHILD_TIME)).isEqualTo(StateWriterCrashMain.HALT_STATUS);
        }
        assertThat(acknowledged).hasSize(HALT_AFTER);

        try (Store reopened = Store.open(config, new SimpleMeterRegistry())) {
            RestoredState stored = new PresenceStateRepository(reopened.dataSource()).load(Samples.T0);
            List<Object> items = new ArrayList<>();
            stored.authorizations().forEach(a -> items.add(StateChange.put(a)));
            stored.dialogs().forEach(d -> items.add(StateChange.put(d)));
            stored.lastPresence().forEach(p -> items.add(StateChange.put(p)));
            for (int n : acknowledged) {
                assertThat(items).as("acknowledged change %d", n).contains(StateWriterCrashMain.change(n));
            }
            assertThat(items.size()).isBetween(HALT_AFTER, CHANGES);
        }
    }
}
