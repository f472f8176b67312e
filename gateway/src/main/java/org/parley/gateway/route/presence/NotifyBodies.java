package org.parley.gateway.route.presence;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.MsCategoriesReader;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfReader;
import org.parley.mapper.presence.MsCategoriesToXmpp;
import org.parley.mapper.presence.PidfToXmpp;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SipBody;

/**
 * The presence a NOTIFY body stands for (RFC 8048 §6.3), read by its Content-Type (RFC 3261 §20.15, parameters
 * ignored):
 * <pre>
 *  Content-Type                              read by              XMPP
 *  application/pidf+xml                      PidfReader           one presence per tuple (PidfToXmpp)
 *  application/msrtc-event-categories+xml    MsCategoriesReader   one presence of the bare JID, show from the
 *                                                                 availability band (MsCategoriesToXmpp, [MS-PRES])
 *  no body                                                        unavailable (RFC 8048 §5.2.1)
 *  anything else                                                  rejected: 415, not-acceptable
 * </pre>
 * A rejected body is the caller's to log and show as unavailable. Immutable and thread-safe.
 */
public final class NotifyBodies {

    private final PidfReader pidf = new PidfReader();
    private final MsCategoriesReader categories = new MsCategoriesReader();
    private final PidfToXmpp fromPidf;
    private final MsCategoriesToXmpp fromCategories;

    /** @param addresses maps the SIP presentity to its XMPP address */
    public NotifyBodies(AddressMapper addresses) {
        Objects.requireNonNull(addresses, "addresses");
        this.fromPidf = new PidfToXmpp(addresses);
        this.fromCategories = new MsCategoriesToXmpp(addresses);
    }

    /** The presences for {@code body} of a NOTIFY about {@code presentity}, addressed to {@code watcher}. */
    public MappingResult<List<XmppPresence>> toXmpp(SipAddress presentity, XmppAddress watcher,
                                                    Optional<SipBody> body) {
        if (body.isEmpty()) {
            return fromPidf.withoutBody(presentity, watcher).map(List::of);
        }
        String type = mediaType(body.get().contentType());
        if (type.equals(PidfDocument.MEDIA_TYPE)) {
            return pidf.read(body.get().content())
                    .flatMap(document -> fromPidf.toXmpp(presentity, watcher, document));
        }
        if (type.equals(MsCategories.MEDIA_TYPE)) {
            return categories.read(body.get().content())
                    .flatMap(read -> fromCategories.toXmpp(presentity, watcher, read)).map(List::of);
        }
        return MappingResult.rejected(new Rejection(StanzaErrorCondition.NOT_ACCEPTABLE, 415,
                "NOTIFY body of unsupported type '" + body.get().contentType() + "'"));
    }

    /** {@code type/subtype} in lower case; the value as written (lower case) when it does not parse. */
    private static String mediaType(String contentType) {
        return ContentType.parse(contentType).map(t -> t.type() + "/" + t.subtype())
                .orElse(contentType.strip().toLowerCase(Locale.ROOT));
    }
}
