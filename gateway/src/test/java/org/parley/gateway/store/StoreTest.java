package org.parley.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;

class StoreTest {

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private StoreConfig h2() {
        return new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(), Optional.empty());
    }

    @Test
    void opensAnH2FileDatabaseInAutomaticMixedModeAndAnswersPing() {
        try (Store store = Store.open(h2(), new SimpleMeterRegistry())) {
            assertThat(store.displayUrl()).isEqualTo("jdbc:h2:file:" + dir.resolve("parley") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
            assertThat(store.ping(PING_TIMEOUT)).isTrue();
        }
    }

    @Test
    void pingIsFalseOnceClosed() {
        Store store = Store.open(h2(), new SimpleMeterRegistry());
        store.close();
        store.close();
        assertThat(store.ping(PING_TIMEOUT)).isFalse();
    }

    @Test
    void publishesPoolMetricsToTheRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Store store = Store.open(h2(), registry)) {
            assertThat(store.ping(PING_TIMEOUT)).isTrue();
            assertThat(registry.find("hikaricp.connections.max").tag("pool", Store.POOL_NAME).gauge())
                    .isNotNull()
                    .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(4.0));
            assertThat(registry.find("hikaricp.connections.active").gauge()).isNotNull();
        }
    }

    @Test
    void unreachableDatabaseIsAStoreExceptionNamingTheUrlWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/parley?password=hunter2";
        StoreConfig config = new StoreConfig(url, Optional.of("parley"), Optional.of("hunter2"));

        assertThatThrownBy(() -> Store.open(config, new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot open the store at jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/parley?password=***: ")
                .hasMessageContaining("refused")
                .message().doesNotContain("hunter2");
    }

    @Test
    void unknownJdbcUrlIsAStoreExceptionWithoutThePassword() {
        StoreConfig config = new StoreConfig("jdbc:nosuchdb://db/parley;password=hunter2", Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> Store.open(config, new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot open the store at jdbc:nosuchdb://db/parley;password=***")
                .message().doesNotContain("hunter2");
    }

    @Test
    void failedMigrationIsAStoreExceptionSayingWhatFailed() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("parley"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE unrelated (id INTEGER)");
        }
        assertThatThrownBy(() -> Store.open(h2(), new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Migrating the store at jdbc:h2:file:" + dir.resolve("parley")
                        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0 failed: ")
                .hasMessageContaining("non-empty schema");
    }
}
