package org.parley.mapper.presence;

import static org.parley.mapper.pidf.Activity.APPOINTMENT;
import static org.parley.mapper.pidf.Activity.BREAKFAST;
import static org.parley.mapper.pidf.Activity.BUSY;
import static org.parley.mapper.pidf.Activity.DINNER;
import static org.parley.mapper.pidf.Activity.HOLIDAY;
import static org.parley.mapper.pidf.Activity.IN_TRANSIT;
import static org.parley.mapper.pidf.Activity.LUNCH;
import static org.parley.mapper.pidf.Activity.MEAL;
import static org.parley.mapper.pidf.Activity.MEETING;
import static org.parley.mapper.pidf.Activity.ON_THE_PHONE;
import static org.parley.mapper.pidf.Activity.PERFORMANCE;
import static org.parley.mapper.pidf.Activity.PERMANENT_ABSENCE;
import static org.parley.mapper.pidf.Activity.PRESENTATION;
import static org.parley.mapper.pidf.Activity.SHOPPING;
import static org.parley.mapper.pidf.Activity.SLEEPING;
import static org.parley.mapper.pidf.Activity.SPECTATOR;
import static org.parley.mapper.pidf.Activity.STEERING;
import static org.parley.mapper.pidf.Activity.TRAVEL;
import static org.parley.mapper.pidf.Activity.VACATION;
import static org.parley.mapper.pidf.Activity.WORSHIP;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.mapper.pidf.Activity;

/**
 * The one table between XMPP {@code <show/>} (RFC 6121 §4.7.2.1) and RPID activities (RFC 4480 §3.2), used in
 * both directions. RFC 8048 leaves rich presence out of scope (§6.1) and recommends carrying {@code <show/>}
 * itself in PIDF (§6.2 note 7); the gateway does that too, and adds RPID activities because SIP user agents and
 * presence servers (Kamailio, Lync) render those, not the {@code jabber:client} element.
 *
 * <pre>
 *  show     written as      read from
 *  (none)   —               —
 *  chat     —               —
 *  away     away            away, breakfast, lunch, dinner, meal, shopping, in-transit
 *  xa       away            vacation, holiday, travel, sleeping, permanent-absence
 *  dnd      busy            busy, on-the-phone, meeting, appointment, presentation, performance,
 *                           steering, worship, spectator
 * </pre>
 * Not read as any show (the person may be reachable): working, playing, tv, looking-for-work, other, unknown.
 * {@code xa} is written as {@code away} because RPID has no "extended away" that would not claim a reason (such
 * as vacation); the embedded {@code <show/>} keeps it exact. When several activities are given, the least
 * available show wins (dnd over xa over away).
 */
public final class ShowActivityTable {

    /** One row: the activity written for a show, and the activities read as that show. */
    record Row(Optional<Activity> written, Set<Activity> read) {
        Row {
            read = Collections.unmodifiableSet(read.isEmpty() ? EnumSet.noneOf(Activity.class) : EnumSet.copyOf(read));
        }
    }

    private static final Map<Show, Row> TABLE = table();

    private ShowActivityTable() {
    }

    private static Map<Show, Row> table() {
        Map<Show, Row> table = new EnumMap<>(Show.class);
        table.put(Show.ABSENT, new Row(Optional.empty(), Set.of()));
        table.put(Show.CHAT, new Row(Optional.empty(), Set.of()));
        table.put(Show.AWAY, new Row(Optional.of(Activity.AWAY),
                Set.of(Activity.AWAY, BREAKFAST, LUNCH, DINNER, MEAL, SHOPPING, IN_TRANSIT)));
        table.put(Show.XA, new Row(Optional.of(Activity.AWAY),
                Set.of(VACATION, HOLIDAY, TRAVEL, SLEEPING, PERMANENT_ABSENCE)));
        table.put(Show.DND, new Row(Optional.of(BUSY),
                Set.of(BUSY, ON_THE_PHONE, MEETING, APPOINTMENT, PRESENTATION, PERFORMANCE, STEERING, WORSHIP,
                        SPECTATOR)));
        if (table.size() != Show.values().length) {
            throw new IllegalStateException("the table needs a row for every show");
        }
        return Collections.unmodifiableMap(table);
    }

    /** XMPP → SIP: the RPID activity to publish for {@code show}, if any. */
    public static Optional<Activity> activityFor(Show show) {
        return TABLE.get(show).written();
    }

    /** The activities read as {@code show} (its row's right column). */
    public static Set<Activity> activitiesReadAs(Show show) {
        return TABLE.get(show).read();
    }

    /**
     * SIP → XMPP: the show for a person's activities, the least available one when several rows match; empty
     * when no activity is in the table.
     */
    public static Optional<Show> showFor(Collection<Activity> activities) {
        Optional<Show> result = Optional.empty();
        for (Map.Entry<Show, Row> row : TABLE.entrySet()) {
            boolean matches = activities.stream().anyMatch(row.getValue().read()::contains);
            if (matches && (result.isEmpty() || result.get().isMoreAvailableThan(row.getKey()))) {
                result = Optional.of(row.getKey());
            }
        }
        return result;
    }
}
