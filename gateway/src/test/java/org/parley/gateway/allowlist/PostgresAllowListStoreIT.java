package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.store.StoreException;
import org.parley.gateway.testpeers.PostgresServer;

/** {@link AllowListStoreContract} on a real PostgreSQL server, one fresh database per test. */
class PostgresAllowListStoreIT extends AllowListStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    @BeforeAll
    static void startPostgres() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected StoreConfig freshDatabase() {
        return server.createDatabase("parley_" + DATABASES.incrementAndGet());
    }

    @Test
    void wrongPasswordIsAStoreExceptionThatDoesNotShowEitherPassword() {
        StoreConfig real = freshDatabase();
        StoreConfig wrong = new StoreConfig(real.url(), real.user(), Optional.of("not-the-password"));

        assertThatThrownBy(() -> Store.open(wrong, new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot open the store at " + real.url() + ": ")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain("not-the-password").doesNotContain(server.password());
    }
}
