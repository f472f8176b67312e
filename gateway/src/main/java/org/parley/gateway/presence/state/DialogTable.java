package org.parley.gateway.presence.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.parley.mapper.presence.NotifyBodyType;

/**
 * SQL for {@code sip_subscription} (migrations {@code V2__presence_state.sql}, {@code V3__notify_body.sql}: the
 * media type of a notifier dialog's NOTIFY bodies) on a connection whose transaction
 * the caller owns. Portable between H2 and PostgreSQL. The route set is stored as one column, its entries
 * separated by {@link #ROUTE_SEPARATOR}.
 */
final class DialogTable {

    /** Separates route set entries in the {@code route_set} column; SIP header values never contain it. */
    static final String ROUTE_SEPARATOR = "\n";

    private static final String COLUMNS = "call_id, local_tag, remote_tag, dialog_role, sip_user, xmpp_contact,"
            + " event_package, dialog_state, remote_target, route_set, local_cseq, expires_at, notify_body";

    private DialogTable() {
    }

    static List<SipSubscriptionDialog> selectAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sip_subscription")) {
            statement.setFetchSize(Columns.FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                List<SipSubscriptionDialog> all = new ArrayList<>();
                while (rows.next()) {
                    all.add(read(rows));
                }
                return all;
            }
        }
    }

    static void delete(Connection connection, List<DialogId> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM sip_subscription WHERE call_id = ? AND local_tag = ?")) {
            for (DialogId id : ids) {
                statement.setString(1, id.callId());
                statement.setString(2, id.localTag());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static void insert(Connection connection, List<SipSubscriptionDialog> dialogs) throws SQLException {
        if (dialogs.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sip_subscription (" + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (SipSubscriptionDialog dialog : dialogs) {
                statement.setString(1, dialog.id().callId());
                statement.setString(2, dialog.id().localTag());
                statement.setString(3, dialog.remoteTag().orElse(null));
                statement.setString(4, dialog.role().token());
                statement.setString(5, Columns.sipUser(dialog.sipUser()));
                statement.setString(6, dialog.xmppContact().toString());
                statement.setString(7, dialog.eventPackage());
                statement.setString(8, dialog.state().token());
                statement.setString(9, dialog.remoteTarget());
                statement.setString(10, routeSet(dialog.routeSet()));
                statement.setLong(11, dialog.localCseq());
                Columns.setInstant(statement, 12, dialog.expiresAt());
                statement.setString(13, dialog.notifyBody().mediaType());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The {@code route_set} column value for {@code routes}. */
    static String routeSet(List<String> routes) {
        return String.join(ROUTE_SEPARATOR, routes);
    }

    /** The body type of a stored media type; PIDF for a value this version does not know. */
    private static NotifyBodyType notifyBody(String mediaType) {
        return NotifyBodyType.fromMediaType(mediaType).orElse(NotifyBodyType.PIDF);
    }

    private static SipSubscriptionDialog read(ResultSet row) throws SQLException {
        String routes = row.getString("route_set");
        return new SipSubscriptionDialog(
                new DialogId(row.getString("call_id"), row.getString("local_tag")),
                Optional.ofNullable(row.getString("remote_tag")),
                DialogRole.fromToken(row.getString("dialog_role")),
                Columns.sipUser(row, "sip_user"),
                Columns.jid(row, "xmpp_contact"),
                row.getString("event_package"),
                DialogState.fromToken(row.getString("dialog_state")),
                row.getString("remote_target"),
                routes.isEmpty() ? List.of() : Arrays.asList(routes.split(ROUTE_SEPARATOR, -1)),
                row.getLong("local_cseq"),
                Columns.instant(row, "expires_at"),
                notifyBody(row.getString("notify_body")));
    }
}
