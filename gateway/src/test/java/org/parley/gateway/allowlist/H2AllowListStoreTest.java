package org.parley.gateway.allowlist;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;

/** {@link AllowListStoreContract} on the default store: an H2 file database in a temporary directory. */
class H2AllowListStoreTest extends AllowListStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StoreConfig freshDatabase() {
        return new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(), Optional.empty());
    }
}
