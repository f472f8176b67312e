package org.parley.gateway.allowlist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SQL for the {@code allow_list} and {@code allow_list_revision} tables (migration {@code V1__allow_list.sql}),
 * on a connection whose transaction the caller owns. Portable between H2 and PostgreSQL.
 */
final class AllowListTable {

    private static final String COLUMNS =
            "domain, tls_policy, auth_policy, host, port, enabled, origin, created_at, updated_at";

    private AllowListTable() {
    }

    static Optional<AllowListEntry> select(Connection connection, DomainName domain) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM allow_list WHERE domain = ?")) {
            statement.setString(1, domain.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    static List<AllowListEntry> selectAll(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM allow_list ORDER BY domain");
             ResultSet rows = statement.executeQuery()) {
            List<AllowListEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(read(rows));
            }
            return entries;
        }
    }

    static void insert(Connection connection, AllowListEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO allow_list (tls_policy, auth_policy, host, port, enabled, origin, created_at, updated_at,"
                        + " domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(statement, entry);
            statement.executeUpdate();
        }
    }

    static void update(Connection connection, AllowListEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE allow_list SET tls_policy = ?, auth_policy = ?, host = ?, port = ?, enabled = ?, origin = ?,"
                        + " created_at = ?, updated_at = ? WHERE domain = ?")) {
            bind(statement, entry);
            statement.executeUpdate();
        }
    }

    static boolean delete(Connection connection, DomainName domain) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM allow_list WHERE domain = ?")) {
            statement.setString(1, domain.value());
            return statement.executeUpdate() > 0;
        }
    }

    static long revision(Connection connection) throws SQLException {
        return queryRevision(connection, "SELECT revision FROM allow_list_revision WHERE id = 1");
    }

    /** Locks the revision row until the transaction ends; every writer does this first, so writers serialise. */
    static void lockForWriting(Connection connection) throws SQLException {
        queryRevision(connection, "SELECT revision FROM allow_list_revision WHERE id = 1 FOR UPDATE");
    }

    static void incrementRevision(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE allow_list_revision SET revision = revision + 1 WHERE id = 1")) {
            if (statement.executeUpdate() != 1) {
                throw new SQLException("allow_list_revision has no row 1; the schema is damaged");
            }
        }
    }

    private static long queryRevision(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("allow_list_revision has no row 1; the schema is damaged");
            }
            return rows.getLong(1);
        }
    }

    private static void bind(PreparedStatement statement, AllowListEntry entry) throws SQLException {
        statement.setString(1, entry.tls().token());
        statement.setString(2, entry.auth().token());
        statement.setString(3, entry.host().orElse(null));
        if (entry.port().isPresent()) {
            statement.setInt(4, entry.port().getAsInt());
        } else {
            statement.setNull(4, Types.INTEGER);
        }
        statement.setBoolean(5, entry.enabled());
        statement.setString(6, entry.origin().token());
        statement.setObject(7, utc(entry.createdAt()));
        statement.setObject(8, utc(entry.updatedAt()));
        statement.setString(9, entry.domain().value());
    }

    private static AllowListEntry read(ResultSet row) throws SQLException {
        int port = row.getInt("port");
        boolean portNull = row.wasNull();
        return new AllowListEntry(
                new DomainName(row.getString("domain")),
                TlsPolicy.valueOf(upper(row.getString("tls_policy"))),
                AuthPolicy.valueOf(upper(row.getString("auth_policy"))),
                Optional.ofNullable(row.getString("host")),
                portNull ? OptionalInt.empty() : OptionalInt.of(port),
                row.getBoolean("enabled"),
                Origin.valueOf(upper(row.getString("origin"))),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String upper(String token) {
        return token.toUpperCase(Locale.ROOT);
    }
}
