package org.parley.gateway.presence.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;

/**
 * SQL for {@code last_presence} and {@code last_presence_status} (migration {@code V2__presence_state.sql}) on a
 * connection whose transaction the caller owns. Portable between H2 and PostgreSQL; deleting a presence row
 * deletes its statuses (foreign key {@code ON DELETE CASCADE}).
 */
final class LastPresenceTable {

    /** A row's primary key as stored. */
    private record RowKey(String jid, String resource) {
    }

    private LastPresenceTable() {
    }

    static List<LastPresence> selectAll(Connection connection) throws SQLException {
        Map<RowKey, List<StatusText>> statuses = selectStatuses(connection);
        try (PreparedStatement statement = connection.prepareStatement("SELECT jid, resource, available,"
                + " presence_show, priority, updated_at FROM last_presence")) {
            statement.setFetchSize(Columns.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                List<LastPresence> all = new ArrayList<>();
                while (rows.next()) {
                    RowKey key = new RowKey(rows.getString("jid"), rows.getString("resource"));
                    all.add(read(rows, statuses.getOrDefault(key, List.of())));
                }
                return all;
            }
        }
    }

    private static Map<RowKey, List<StatusText>> selectStatuses(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT jid, resource, status_lang,"
                + " status_text FROM last_presence_status ORDER BY jid, resource, status_seq")) {
            statement.setFetchSize(Columns.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                Map<RowKey, List<StatusText>> statuses = new HashMap<>();
                while (rows.next()) {
                    RowKey key = new RowKey(rows.getString("jid"), rows.getString("resource"));
                    StatusText status = new StatusText(rows.getString("status_text"),
                            Optional.ofNullable(rows.getString("status_lang")));
                    statuses.computeIfAbsent(key, k -> new ArrayList<>(1)).add(status);
                }
                return statuses;
            }
        }
    }

    static void delete(Connection connection, List<PresenceKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM last_presence WHERE jid = ? AND resource = ?")) {
            for (PresenceKey key : keys) {
                bindKey(statement, key.from());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void insert(Connection connection, List<LastPresence> presences) throws SQLException {
        if (presences.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO last_presence (jid, resource,"
                + " available, presence_show, priority, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (LastPresence presence : presences) {
                bindKey(statement, presence.from());
                statement.setBoolean(3, presence.available());
                statement.setString(4, presence.show().wire().orElse(null));
                statement.setInt(5, presence.priority());
                Columns.setInstant(statement, 6, presence.updatedAt());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        insertStatuses(connection, presences);
    }

    private static void insertStatuses(Connection connection, List<LastPresence> presences) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO last_presence_status (jid,"
                + " resource, status_seq, status_lang, status_text) VALUES (?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (LastPresence presence : presences) {
                List<StatusText> statuses = presence.statuses();
                for (int seq = 0; seq < statuses.size(); seq++) {
                    bindKey(statement, presence.from());
                    statement.setInt(3, seq);
                    statement.setObject(4, statuses.get(seq).lang().orElse(null), Types.VARCHAR);
                    statement.setString(5, statuses.get(seq).text());
                    statement.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                statement.executeBatch();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, XmppAddress from) throws SQLException {
        statement.setString(1, from.bare().toString());
        statement.setString(2, from.resource().orElse(""));
    }

    private static LastPresence read(ResultSet row, List<StatusText> statuses) throws SQLException {
        XmppAddress bare = Columns.jid(row, "jid");
        String showText = row.getString("presence_show");
        Show show = Show.fromWire(Optional.ofNullable(showText)).orElseThrow(() ->
                new SQLException("stored presence_show '" + showText + "' is not an RFC 6121 show value"));
        return new LastPresence(Columns.resource(bare, row.getString("resource")), row.getBoolean("available"), show,
                statuses, row.getInt("priority"), Columns.instant(row, "updated_at"));
    }
}
