package org.parley.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs a unit of JDBC work in one transaction: commit when it returns, roll back when it throws. An
 * {@link SQLException} becomes a {@link StoreException} whose message names the action.
 *
 * <p>Blocking: call from a thread that may block, never from a Netty event loop.
 */
public final class Transactions {

    /** JDBC work inside a transaction; the connection is only valid during the call. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs {@code work} in a new transaction and returns its result.
     *
     * @param action what is being done, for the error message ("adding jabber.test to the allow list")
     * @throws StoreException when the database reports an error; the transaction is rolled back
     */
    public <T> T inTransaction(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(action + " failed: " + StoreUrls.redact(e.getMessage()), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
