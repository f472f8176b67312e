package org.parley.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.parley.gateway.config.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open store: a small HikariCP pool over the configured JDBC URL, with the schema migrated to the latest
 * version by Flyway ({@code classpath:db/migration}) before {@link #open} returns. Pool metrics
 * ({@code hikaricp.connections.*}, tag {@code pool=parley-store}) are published to the given registry.
 *
 * <p>{@code jdbc:h2:file:} URLs get {@code AUTO_SERVER=TRUE} unless they set it, so the CLI can use the file
 * while the gateway holds it open (see {@link StoreUrls}).
 *
 * <p>All methods block on JDBC; call them from your own threads, never from a Netty event loop. Thread-safe.
 */
public final class Store implements AutoCloseable {

    /** The HikariCP pool name, also the {@code pool} tag of its metrics. */
    public static final String POOL_NAME = "parley-store";

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final int MAXIMUM_POOL_SIZE = 4;
    private static final int MINIMUM_IDLE = 1;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private final HikariDataSource dataSource;
    private final String displayUrl;
    private final String schemaVersion;
    private ExecutorService pingExecutor;               // guarded by this, created on first ping
    private CompletableFuture<Boolean> pingInFlight;    // guarded by this
    private boolean closed;                             // guarded by this

    private Store(HikariDataSource dataSource, String displayUrl, String schemaVersion) {
        this.dataSource = dataSource;
        this.displayUrl = displayUrl;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws StoreException when the database cannot be reached, refuses the credentials, or the migration fails;
     *                        the message names the URL without its password
     */
    public static Store open(StoreConfig config, MeterRegistry meterRegistry) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        String url = StoreUrls.forEmbeddedH2(config.url());
        String displayUrl = StoreUrls.redact(url);
        if (StoreUrls.isH2FileUrl(url) && System.getProperty(H2_BIND_ADDRESS) == null) {
            LOG.warn("The H2 store lets other processes in through a TCP server on all network interfaces (random"
                    + " port, random key); start Java with -D{}=127.0.0.1 to keep it on loopback", H2_BIND_ADDRESS);
        }
        HikariDataSource dataSource = connect(config, url, displayUrl, meterRegistry);
        try {
            String version = migrate(dataSource, displayUrl);
            LOG.debug("Store open at {} (schema version {})", displayUrl, version);
            return new Store(dataSource, displayUrl, version);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource connect(StoreConfig config, String url, String displayUrl, MeterRegistry registry) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(POOL_NAME);
        hikari.setJdbcUrl(url);
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
        hikari.setMinimumIdle(MINIMUM_IDLE);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the store at " + displayUrl + ": " + reason(e), e);
        }
    }

    private static String migrate(DataSource dataSource, String displayUrl) {
        try {
            Flyway flyway = Flyway.configure(Store.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new StoreException("Migrating the store at " + displayUrl + " failed: " + reason(e), e);
        }
    }

    /** The most telling message in the cause chain: the first SQL error's, else the top one's; redacted. */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return StoreUrls.redact(t.getMessage());
            }
        }
        return StoreUrls.redact(String.valueOf(failure.getMessage()));
    }

    /** The pooled data source; connections must be closed by the caller (try-with-resources). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL in use (with {@code AUTO_SERVER} if added), passwords masked: safe to log and print. */
    public String displayUrl() {
        return displayUrl;
    }

    /** The schema version after migration, e.g. {@code "1"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Whether the database answers a validation query ({@link Connection#isValid}) within {@code timeout}.
     * Returns {@code false} on timeout, error, or after {@link #close()}. Concurrent callers share one probe, so
     * a health endpoint polled while the database hangs does not pile up connection attempts.
     */
    public boolean ping(Duration timeout) {
        CompletableFuture<Boolean> probe = currentProbe(timeout);
        try {
            return probe.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized CompletableFuture<Boolean> currentProbe(Duration timeout) {
        if (closed) {
            return CompletableFuture.completedFuture(false);
        }
        if (pingInFlight == null || pingInFlight.isDone()) {
            if (pingExecutor == null) {
                pingExecutor = Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "parley-store-ping");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
            pingInFlight = CompletableFuture.supplyAsync(() -> validate(seconds), pingExecutor);
        }
        return pingInFlight;
    }

    private boolean validate(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            LOG.debug("Store ping failed at {}: {}", displayUrl, StoreUrls.redact(e.getMessage()));
            return false;
        }
    }

    /** Closes the pool (idempotent). In-flight pings finish on their own thread, bounded by the pool's timeout. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pingExecutor != null) {
                pingExecutor.shutdown();
            }
        }
        if (!dataSource.isClosed()) {
            dataSource.close();
            LOG.debug("Store closed at {}", displayUrl);
        }
    }
}
