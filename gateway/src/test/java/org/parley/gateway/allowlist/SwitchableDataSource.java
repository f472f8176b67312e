package org.parley.gateway.allowlist;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source a test can take down: while down, every connection request fails and is counted. */
final class SwitchableDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void takeDown() {
        down = true;
    }

    void bringUp() {
        down = false;
    }

    int refusedRequests() {
        return refused.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            refused.incrementAndGet();
            throw new SQLException("Connection refused (store taken down by the test)");
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("not used");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
