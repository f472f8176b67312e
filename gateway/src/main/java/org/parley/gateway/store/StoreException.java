package org.parley.gateway.store;

/**
 * The store could not do what was asked: the database is unreachable, refused the credentials, could not be
 * migrated, or a statement failed. The message is written for an administrator and never contains a password.
 *
 * <p>Unchecked because a broken store is an environmental failure that callers pass up to the place that
 * reports it (the CLI's exit code, the gateway's start-up, a poller's warning), not an outcome they branch on.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
