package org.parley.gateway.presence.state;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.testpeers.PostgresServer;

/** {@link StateWriterContract} on a real PostgreSQL server, one fresh database per test. */
class PostgresStateWriterIT extends StateWriterContract {

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
        return server.createDatabase("writer_" + DATABASES.incrementAndGet());
    }
}
