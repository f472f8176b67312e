package org.parley.mapper.presence;

import java.util.Locale;
import java.util.Optional;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.PidfDocument;

/**
 * The presence document formats the gateway writes into a NOTIFY for a SIP watcher, in order of preference:
 * PIDF (RFC 3863, the presence event package's default, RFC 3856 §6.7), then Microsoft enhanced presence
 * categories ([MS-PRES]) for Lync / Skype for Business watchers that accept nothing else. See
 * {@link AcceptNegotiation} for the choice.
 */
public enum NotifyBodyType {
    /** {@code application/pidf+xml}, written by {@link XmppToPidf}. */
    PIDF(PidfDocument.MEDIA_TYPE),
    /** {@code application/msrtc-event-categories+xml}, written by {@link XmppToMsCategories}. */
    MS_CATEGORIES(MsCategories.MEDIA_TYPE);

    private final String mediaType;

    NotifyBodyType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type, {@code type/subtype} in lower case: the Content-Type of the NOTIFY body. */
    public String mediaType() {
        return mediaType;
    }

    /** The format with media type {@code value} (case ignored); empty for any other. */
    public static Optional<NotifyBodyType> fromMediaType(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (NotifyBodyType type : values()) {
            if (type.mediaType.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
