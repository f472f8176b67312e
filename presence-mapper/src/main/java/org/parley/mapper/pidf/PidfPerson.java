package org.parley.mapper.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <dm:person>} element (RFC 4479 §6.2) with what the gateway maps from it: the RPID
 * {@code <rpid:activities>} (RFC 4480 §3.2), the person's {@code <dm:note>}s and {@code <dm:timestamp>}.
 *
 * @param activities the activities in document order, without duplicates; empty when none are given
 */
public record PidfPerson(String id, List<Activity> activities, List<PidfNote> notes, Optional<Instant> timestamp) {

    /** Requires a non-blank id and distinct activities; copies the lists. */
    public PidfPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        if (id.isBlank() || !XmlNames.isXmlText(id)) {
            throw new IllegalArgumentException("person id must be non-blank XML text");
        }
        activities = List.copyOf(activities);
        if (activities.stream().distinct().count() != activities.size()) {
            throw new IllegalArgumentException("activities must be distinct: " + activities);
        }
        notes = List.copyOf(notes);
    }

    /** A person with activities only. */
    public static PidfPerson of(String id, List<Activity> activities) {
        return new PidfPerson(id, activities, List.of(), Optional.empty());
    }
}
