package org.parley.gateway.presence.state;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.testpeers.PostgresDatabases;

/** {@link PresenceStateStoreContract} on a real PostgreSQL server, one fresh database per test. */
class PostgresPresenceStateStoreIT extends PresenceStateStoreContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("presence");

    @Override
    protected StoreConfig freshDatabase() {
        return POSTGRES.fresh();
    }
}
