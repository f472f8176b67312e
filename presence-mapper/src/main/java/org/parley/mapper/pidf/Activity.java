package org.parley.mapper.pidf;

import java.util.Optional;

/**
 * The activities an RPID {@code <activities>} element can name (RFC 4480 §3.2), each an empty element in the
 * {@code urn:ietf:params:xml:ns:pidf:rpid} namespace. {@link #OTHER} may carry free text, which this model does
 * not keep.
 */
public enum Activity {
    /** The person has a calendar appointment. */
    APPOINTMENT("appointment"),
    /** The person is physically away from all interactive communication devices. */
    AWAY("away"),
    /** Eating the first meal of the day. */
    BREAKFAST("breakfast"),
    /** Busy, without further details. */
    BUSY("busy"),
    /** Having the main meal of the day. */
    DINNER("dinner"),
    /** A scheduled national or local holiday. */
    HOLIDAY("holiday"),
    /** Riding in a vehicle, not steering. */
    IN_TRANSIT("in-transit"),
    /** Looking for (paid) work. */
    LOOKING_FOR_WORK("looking-for-work"),
    /** Eating the midday meal. */
    LUNCH("lunch"),
    /** Eating, meal unspecified. */
    MEAL("meal"),
    /** In an assembly or gathering of people. */
    MEETING("meeting"),
    /** Talking on the telephone. */
    ON_THE_PHONE("on-the-phone"),
    /** An activity not listed; the element may carry text. */
    OTHER("other"),
    /** Appearing in a performance. */
    PERFORMANCE("performance"),
    /** Will not return for the foreseeable future. */
    PERMANENT_ABSENCE("permanent-absence"),
    /** Occupied with amusement, sport or recreation. */
    PLAYING("playing"),
    /** Giving a presentation or lecture. */
    PRESENTATION("presentation"),
    /** Visiting stores. */
    SHOPPING("shopping"),
    /** Sleeping. */
    SLEEPING("sleeping"),
    /** Observing an event, such as a sports event. */
    SPECTATOR("spectator"),
    /** Controlling a vehicle, watercraft or plane. */
    STEERING("steering"),
    /** On a business or personal trip, not necessarily in transit. */
    TRAVEL("travel"),
    /** Watching television. */
    TV("tv"),
    /** The activity is unknown. */
    UNKNOWN("unknown"),
    /** A period devoted to pleasure, rest or relaxation. */
    VACATION("vacation"),
    /** Engaged in (typically paid) labour. */
    WORKING("working"),
    /** Participating in religious rites. */
    WORSHIP("worship");

    private final String elementName;

    Activity(String elementName) {
        this.elementName = elementName;
    }

    /** The local name of the RPID element, e.g. {@code "on-the-phone"}. */
    public String elementName() {
        return elementName;
    }

    /** The activity whose element is named {@code localName}, or empty for a name RFC 4480 does not define. */
    public static Optional<Activity> fromElementName(String localName) {
        for (Activity activity : values()) {
            if (activity.elementName.equals(localName)) {
                return Optional.of(activity);
            }
        }
        return Optional.empty();
    }
}
