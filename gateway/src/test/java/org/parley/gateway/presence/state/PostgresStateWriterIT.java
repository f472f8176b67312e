package org.parley.gateway.presence.state;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.testpeers.PostgresDatabases;

/** {@link StateWriterContract} on a real PostgreSQL server, one fresh database per test. */
class PostgresStateWriterIT extends StateWriterContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("writer");

    @Override
    protected StoreConfig freshDatabase() {
        return POSTGRES.fresh();
    }
}
