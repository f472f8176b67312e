package org.parley.gateway.presence.state;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;

/** {@link StateWriterContract} on the default store: an H2 file database in a temporary directory. */
class H2StateWriterTest extends StateWriterContract {

    @TempDir
    Path dir;

    @Override
    protected StoreConfig freshDatabase() {
        return new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(), Optional.empty());
    }
}
