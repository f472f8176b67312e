package org.parley.mapper.pidf;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A PIDF presence document (RFC 3863 §4.1, media type {@code application/pidf+xml}) as the gateway reads and
 * writes it: the presentity's {@code entity} URI, its tuples, the document-level notes and the RFC 4479 persons.
 * Elements the gateway does not map (devices, other extensions) are not kept.
 */
public record PidfDocument(String entity, List<PidfTuple> tuples, List<PidfNote> notes, List<PidfPerson> persons) {

    /** The media type of a PIDF body (RFC 3863 §7). */
    public static final String MEDIA_TYPE = "application/pidf+xml";

    /** Requires a non-blank entity and ids unique across tuples and persons (they share the {@code xs:ID} space). */
    public PidfDocument {
        Objects.requireNonNull(entity, "entity");
        if (entity.isBlank() || !XmlNames.isXmlText(entity)) {
            throw new IllegalArgumentException("entity must be a non-blank URI");
        }
        tuples = List.copyOf(tuples);
        notes = List.copyOf(notes);
        persons = List.copyOf(persons);
        Set<String> ids = new HashSet<>();
        for (PidfTuple tuple : tuples) {
            requireUnique(ids, tuple.id());
        }
        for (PidfPerson person : persons) {
            requireUnique(ids, person.id());
        }
    }

    /** A document with tuples only. */
    public static PidfDocument of(String entity, List<PidfTuple> tuples) {
        return new PidfDocument(entity, tuples, List.of(), List.of());
    }

    private static void requireUnique(Set<String> ids, String id) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException("duplicate id in PIDF document: " + id);
        }
    }
}
