package org.parley.mapper.pidf;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PIDF {@code <tuple>} (RFC 3863 §4.1.2): one service or device of the presentity. Holds the parts the gateway
 * maps: {@code <status><basic>} and the RFC 8048 §6.2 {@code <show xmlns='jabber:client'>} placed in the status,
 * the {@code <contact>}, the tuple's {@code <note>}s and its {@code <timestamp>}.
 *
 * <p>The id is required and non-blank but not checked against {@code xs:ID}: user agents in the wild send ids
 * that start with a digit, and the gateway only needs the id to be stable. Ids the gateway writes are NCNames.
 *
 * @param basic     absent when the status carries no {@code <basic>} (RFC 3863 allows this)
 * @param timestamp the tuple's {@code <timestamp>}, when given
 */
public record PidfTuple(String id, Optional<BasicStatus> basic, Optional<JabberShow> show,
                        Optional<PidfContact> contact, List<PidfNote> notes, Optional<Instant> timestamp) {

    /** Requires a non-blank id; copies the notes. */
    public PidfTuple {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(timestamp, "timestamp");
        if (id.isBlank() || !XmlNames.isXmlText(id)) {
            throw new IllegalArgumentException("tuple id must be non-blank XML text");
        }
        notes = List.copyOf(notes);
    }

    /** A tuple with only an id and a basic status. */
    public static PidfTuple of(String id, BasicStatus basic) {
        return new PidfTuple(id, Optional.of(basic), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }
}
