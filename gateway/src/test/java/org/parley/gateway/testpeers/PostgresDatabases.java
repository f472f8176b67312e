package org.parley.gateway.testpeers;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.gateway.config.StoreConfig;

/**
 * One real {@link PostgresServer} for a test class, with a fresh database per test: register it as a static
 * {@code @RegisterExtension} field and call {@link #fresh()}. The server is stopped after the class.
 */
public final class PostgresDatabases implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private final AtomicInteger databases = new AtomicInteger();
    private PostgresServer server;

    /** @param prefix names the databases {@code prefix_1}, {@code prefix_2}, … */
    public PostgresDatabases(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** A new, empty database on the server. */
    public StoreConfig fresh() {
        return server.createDatabase(prefix + "_" + databases.incrementAndGet());
    }

    /** The running server. */
    public PostgresServer server() {
        return server;
    }
}
