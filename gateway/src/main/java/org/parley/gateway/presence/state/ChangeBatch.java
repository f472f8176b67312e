package org.parley.gateway.presence.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Changes sorted by table, written in one transaction: for each table, the rows of every key are deleted in one
 * JDBC batch, then the put rows are inserted in another. Delete-then-insert is the portable upsert (H2 and
 * PostgreSQL disagree on {@code MERGE} and {@code ON CONFLICT}); it is correct because a batch holds at most one
 * change per key and no table refers to another's rows.
 */
final class ChangeBatch {

    private final List<AuthorizationKey> authorizationKeys = new ArrayList<>();
    private final List<PresenceAuthorization> authorizations = new ArrayList<>();
    private final List<DialogId> dialogIds = new ArrayList<>();
    private final List<SipSubscriptionDialog> dialogs = new ArrayList<>();
    private final List<PresenceKey> presenceKeys = new ArrayList<>();
    private final List<LastPresence> presences = new ArrayList<>();

    private ChangeBatch() {
    }

    /**
     * The batch of {@code changes}.
     *
     * @throws IllegalArgumentException if two changes have the same key (coalesce them first)
     */
    static ChangeBatch of(Collection<StateChange> changes) {
        ChangeBatch batch = new ChangeBatch();
        Set<StateKey> seen = new HashSet<>();
        for (StateChange change : changes) {
            if (!seen.add(change.key())) {
                throw new IllegalArgumentException("two changes for " + change.key() + " in one batch");
            }
            batch.add(change);
        }
        return batch;
    }

    private void add(StateChange change) {
        StateKey key = change.key();
        if (key instanceof AuthorizationKey authorizationKey) {
            authorizationKeys.add(authorizationKey);
        } else if (key instanceof DialogId dialogId) {
            dialogIds.add(dialogId);
        } else if (key instanceof PresenceKey presenceKey) {
            presenceKeys.add(presenceKey);
        }
        if (change instanceof StateChange.PutAuthorization put) {
            authorizations.add(put.authorization());
        } else if (change instanceof StateChange.PutDialog put) {
            dialogs.add(put.dialog());
        } else if (change instanceof StateChange.PutPresence put) {
            presences.add(put.presence());
        }
    }

    void writeTo(Connection connection) throws SQLException {
        AuthorizationTable.delete(connection, authorizationKeys);
        AuthorizationTable.insert(connection, authorizations);
        DialogTable.delete(connection, dialogIds);
        DialogTable.insert(connection, dialogs);
        LastPresenceTable.delete(connection, presenceKeys);
        LastPresenceTable.insert(connection, presences);
    }
}
