package org.parley.gateway.presence.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

/**
 * Conversions between the presence-state records and column values: instants as UTC timestamps, SIP users as
 * URIs, JIDs as strings. A stored value that no longer parses is reported as an {@link SQLException}, which
 * {@link org.parley.gateway.store.Transactions} turns into a store failure naming the action.
 */
final class Columns {

    /** Rows fetched per round trip when reading whole tables (PostgreSQL streams only with a fetch size). */
    static final int FETCH_SIZE = 1000;

    private Columns() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    static String sipUser(SipAddress address) {
        return address.toUri();
    }

    static SipAddress sipUser(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return parsed(SipAddress.parse(value), column, value);
    }

    static XmppAddress jid(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return parsed(XmppAddress.parse(value), column, value);
    }

    /** The full JID of a resource from the bare JID and resource columns ('' = no resource). */
    static XmppAddress resource(XmppAddress bare, String resource) {
        return resource.isEmpty() ? bare : bare.withResource(resource);
    }

    private static <T> T parsed(MappingResult<T> result, String column, String value) throws SQLException {
        if (result instanceof MappingResult.Mapped<T> mapped) {
            return mapped.value();
        }
        throw new SQLException("stored " + column + " '" + value + "' is not valid: "
                + ((MappingResult.Rejected<T>) result).rejection().reason());
    }
}
