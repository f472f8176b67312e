package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.pidf.Activity;

class ShowActivityTableTest {

    @ParameterizedTest(name = "{0}: writes {1}, reads {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ABSENT | -    | -
            CHAT   | -    | -
            AWAY   | away | away breakfast lunch dinner meal shopping in-transit
            XA     | away | vacation holiday travel sleeping permanent-absence
            DND    | busy | busy on-the-phone meeting appointment presentation performance steering worship spectator
            """)
    void mapsEachRowInBothDirections(Show show, String written, String read) {
        Set<Activity> readAs = activities(read);

        assertThat(ShowActivityTable.activityFor(show)).isEqualTo(Optional.ofNullable(written).map(this::activity));
        assertThat(ShowActivityTable.activitiesReadAs(show)).isEqualTo(readAs);
        for (Activity activity : readAs) {
            assertThat(ShowActivityTable.showFor(List.of(activity))).as(activity.elementName()).contains(show);
        }
    }

    @Test
    void readsNoShowFromActivitiesThatLeaveThePersonReachable() {
        for (String name : List.of("working", "playing", "tv", "looking-for-work", "other", "unknown")) {
            assertThat(ShowActivityTable.showFor(List.of(activity(name)))).as(name).isEmpty();
        }
        assertThat(ShowActivityTable.showFor(List.of())).isEmpty();
    }

    @Test
    void readsEveryActivityAsAtMostOneShow() {
        Set<Activity> seen = EnumSet.noneOf(Activity.class);
        for (Show show : Show.values()) {
            for (Activity activity : ShowActivityTable.activitiesReadAs(show)) {
                assertThat(seen.add(activity)).as(activity + " in two rows").isTrue();
            }
        }
        assertThat(seen).hasSize(Activity.values().length - 6);
    }

    @Test
    void picksTheLeastAvailableShowWhenActivitiesDisagree() {
        assertThat(ShowActivityTable.showFor(List.of(Activity.LUNCH, Activity.MEETING))).contains(Show.DND);
        assertThat(ShowActivityTable.showFor(List.of(Activity.VACATION, Activity.AWAY))).contains(Show.XA);
        assertThat(ShowActivityTable.showFor(List.of(Activity.WORKING, Activity.SHOPPING))).contains(Show.AWAY);
    }

    private Activity activity(String name) {
        return Activity.fromElementName(name).orElseThrow(() -> new AssertionError("no activity " + name));
    }

    private Set<Activity> activities(String names) {
        if (names == null) {
            return Set.of();
        }
        return Arrays.stream(names.split(" ")).map(this::activity).collect(Collectors.toSet());
    }
}
