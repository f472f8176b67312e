package org.parley.mapper.pidf;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The part of a Microsoft enhanced presence document ({@code <categories>} in namespace
 * {@code http://schemas.microsoft.com/2006/09/sip/categories}, media type
 * {@code application/msrtc-event-categories+xml}, [MS-PRES]) that the gateway maps: the availability number of
 * the {@code state} category and the text of the {@code note} category. See {@link MsCategoriesReader} for which
 * instance is chosen when several are present.
 *
 * @param uri          the presentity URI from the {@code uri} attribute of {@code <categories>}
 * @param availability the {@code <availability>} number, absent when no state category carries one
 * @param note         the note text, absent when there is no (non-blank) note
 */
public record MsCategories(String uri, OptionalLong availability, Optional<String> note) {

    /** The media type of an enhanced presence body. */
    public static final String MEDIA_TYPE = "application/msrtc-event-categories+xml";

    /** Requires a non-blank URI and a non-negative availability ({@code xs:unsignedInt}). */
    public MsCategories {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(note, "note");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("uri must not be blank");
        }
        if (availability.isPresent() && availability.getAsLong() < 0) {
            throw new IllegalArgumentException("availability is unsigned: " + availability.getAsLong());
        }
        note.ifPresent(text -> {
            if (!XmlNames.isXmlText(text)) {
                throw new IllegalArgumentException("note contains characters XML cannot carry");
            }
        });
    }
}
