package org.parley.gateway.testsupport;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source a test controls: while the gate is shut, connection requests wait (so a writer can be held
 * mid-batch); while the store is down, they fail and are counted. Records which threads asked for connections.
 */
public final class ControlledDataSource implements DataSource {

    private final DataSource delegate;
    private final List<String> requesterThreads = new ArrayList<>();
    private boolean shut;
    private boolean down;
    private int waiting;
    private int refused;

    public ControlledDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    public synchronized void shutGate() {
        shut = true;
    }

    public synchronized void openGate() {
        shut = false;
        notifyAll();
    }

    /** How many connection requests wait at the shut gate. */
    public synchronized int waitingAtGate() {
        return waiting;
    }

    public synchronized void takeDown() {
        down = true;
    }

    public synchronized void bringUp() {
        down = false;
    }

    /** How many connection requests failed because the store was down. */
    public synchronized int refusedRequests() {
        return refused;
    }

    public synchronized List<String> requesterThreads() {
        return List.copyOf(requesterThreads);
    }

    @Override
    public Connection getConnection() throws SQLException {
        synchronized (this) {
            requesterThreads.add(Thread.currentThread().getName());
            waiting++;
            try {
                while (shut) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted at the gate", e);
            } finally {
                waiting--;
            }
            if (down) {
                refused++;
                throw new SQLException("Connection refused (store taken down by the test)");
            }
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
