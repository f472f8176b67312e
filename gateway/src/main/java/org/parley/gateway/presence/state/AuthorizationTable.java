package org.parley.gateway.presence.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for {@code presence_authorization} (migration {@code V2__presence_state.sql}) on a connection whose
 * transaction the caller owns. Portable between H2 and PostgreSQL.
 */
final class AuthorizationTable {

    private AuthorizationTable() {
    }

    static List<PresenceAuthorization> selectAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT sip_user, xmpp_contact, direction,"
                + " state, created_at, updated_at FROM presence_authorization")) {
            statement.setFetchSize(Columns.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                List<PresenceAuthorization> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(read(rows));
                }
                return all;
            }
        }
    }

    static void delete(Connection connection, List<AuthorizationKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM presence_authorization"
                + " WHERE sip_user = ? AND xmpp_contact = ? AND direction = ?")) {
            for (AuthorizationKey key : keys) {
                statement.setString(1, Columns.sipUser(key.sipUser()));
                statement.setString(2, key.xmppContact().toString());
                statement.setString(3, key.direction().token());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void insert(Connection connection, List<PresenceAuthorization> authorizations) throws SQLException {
        if (authorizations.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO presence_authorization"
                + " (sip_user, xmpp_contact, direction, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (PresenceAuthorization authorization : authorizations) {
                AuthorizationKey key = authorization.key();
                statement.setString(1, Columns.sipUser(key.sipUser()));
                statement.setString(2, key.xmppContact().toString());
                statement.setString(3, key.direction().token());
                statement.setString(4, authorization.state().token());
                Columns.setInstant(statement, 5, authorization.createdAt());
                Columns.setInstant(statement, 6, authorization.updatedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static PresenceAuthorization read(ResultSet row) throws SQLException {
        AuthorizationKey key = new AuthorizationKey(Columns.sipUser(row, "sip_user"),
                Columns.jid(row, "xmpp_contact"), AuthorizationDirection.fromToken(row.getString("direction")));
        return new PresenceAuthorization(key, AuthorizationState.fromToken(row.getString("state")),
                Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));
    }
}
