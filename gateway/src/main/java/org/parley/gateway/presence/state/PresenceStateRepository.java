package org.parley.gateway.presence.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.parley.gateway.store.StoreException;
import org.parley.gateway.store.Transactions;

/**
 * Reads and writes the presence state in the store (migration {@code V2__presence_state.sql}). The gateway
 * reads everything once at start-up ({@link #load}) and from then on writes through {@link StateWriter}, which
 * batches calls to {@link #write}.
 *
 * <p>Blocking JDBC: call from your own threads, never from a Netty event loop or a JAIN-SIP thread. Database
 * failures are thrown as {@link StoreException}. Thread-safe.
 */
public final class PresenceStateRepository {

    private final Transactions transactions;

    public PresenceStateRepository(DataSource dataSource) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Everything stored, with dialogs sorted into live and expired at {@code now}. */
    public RestoredState load(Instant now) {
        Objects.requireNonNull(now, "now");
        return transactions.inTransaction("Loading the presence state", connection -> {
            List<PresenceAuthorization> authorizations = AuthorizationTable.selectAll(connection);
            List<SipSubscriptionDialog> dialogs = DialogTable.selectAll(connection);
            List<LastPresence> presence = LastPresenceTable.selectAll(connection);
            return RestoredState.sorted(now, authorizations, dialogs, presence);
        });
    }

    /**
     * Applies {@code changes} in one transaction: all or none. When it returns, the changes are in the database
     * file (or server) and survive the gateway being killed (an embedded H2 store is opened with
     * {@code WRITE_DELAY=0}, see {@code StoreUrls}).
     *
     * @throws IllegalArgumentException if two changes have the same key
     * @throws StoreException           when the database reports an error; nothing is written
     */
    public void write(Collection<StateChange> changes) {
        ChangeBatch batch = ChangeBatch.of(changes);
        transactions.inTransaction("Writing " + changes.size() + " presence-state changes", connection -> {
            batch.writeTo(connection);
            return null;
        });
    }

}
