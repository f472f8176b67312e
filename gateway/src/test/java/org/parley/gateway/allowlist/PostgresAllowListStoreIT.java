package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.store.StoreException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.gateway.testpeers.PostgresDatabases;

/** {@link AllowListStoreContract} on a real PostgreSQL server, one fresh database per test. */
class PostgresAllowListStoreIT extends AllowListStoreContract {

    @RegisterExtension
    static final PostgresDatabases POSTGRES = new PostgresDatabases("parley");

    @Override
    protected StoreConfig freshDatabase() {
        return POSTGRES.fresh();
    }

    @Test
    void wrongPasswordIsAStoreExceptionThatDoesNotShowEitherPassword() {
        StoreConfig real = freshDatabase();
        StoreConfig wrong = new StoreConfig(real.url(), real.user(), Optional.of("not-the-password"));

        assertThatThrownBy(() -> Store.open(wrong, new SimpleMeterRegistry()))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Cannot open the store at " + real.url() + ": ")
                .hasMessageContaining("password authentication failed")
                .message().doesNotContain("not-the-password").doesNotContain(POSTGRES.server().password());
    }
}
