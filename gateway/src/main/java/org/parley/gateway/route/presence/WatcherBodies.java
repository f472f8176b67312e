package org.parley.gateway.route.presence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.MsCategoriesWriter;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfWriter;
import org.parley.mapper.presence.AcceptNegotiation;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.XmppPresence;
import org.parley.mapper.presence.XmppToMsCategories;
import org.parley.mapper.presence.XmppToPidf;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-state NOTIFY body (RFC 3856 §6.3) of an XMPP contact for SIP watchers, from the last known presence of
 * each of its resources, in the format each watcher negotiated ({@link NotifyBodyType}): PIDF with one tuple per
 * resource ({@link XmppToPidf}, RFC 8048 §6.2) or Microsoft enhanced presence aggregated per user
 * ({@link XmppToMsCategories}, [MS-PRES]). A presence that does not map is logged and the contact shown offline.
 * Thread-safe.
 */
final class WatcherBodies {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherBodies.class);

    private final XmppToPidf toPidf;
    private final XmppToMsCategories toCategories;
    private final PresenceLookups lookups;
    private final PidfWriter pidf = new PidfWriter();
    private final MsCategoriesWriter categories = new MsCategoriesWriter();

    WatcherBodies(XmppToPidf toPidf, XmppToMsCategories toCategories, PresenceLookups lookups) {
        this.toPidf = Objects.requireNonNull(toPidf, "toPidf");
        this.toCategories = Objects.requireNonNull(toCategories, "toCategories");
        this.lookups = Objects.requireNonNull(lookups, "lookups");
    }

    /**
     * The body type for the NOTIFYs of a watcher's SUBSCRIBE, from its Accept header fields ({@link AcceptNegotiation}:
     * PIDF when accepted or no Accept, enhanced presence when only that is accepted); empty when neither is (406).
     */
    static Optional<NotifyBodyType> negotiated(InboundRequest subscribe) {
        return AcceptNegotiation.choose(accept(subscribe));
    }

    /** The values of every Accept header field of {@code request}, in order. */
    static List<String> accept(InboundRequest request) {
        return request.headers().stream().filter(header -> header.name().equalsIgnoreCase("Accept"))
                .map(SipHeader::value).toList();
    }

    /**
     * The bodies of {@code contact}'s presence as it is now, each type built once when first asked for: for
     * notifying several watchers of one contact.
     */
    Function<NotifyBodyType, SipBody> of(XmppAddress contact) {
        Map<NotifyBodyType, SipBody> built = new EnumMap<>(NotifyBodyType.class);
        return type -> built.computeIfAbsent(type, t -> body(contact, t));
    }

    /** The body of {@code type} for {@code contact}'s presence as it is now. */
    SipBody body(XmppAddress contact, NotifyBodyType type) {
        List<XmppPresence> resources = lookups.lastPresence(contact).stream()
                .map(last -> last.toStanza(contact)).toList();
        return switch (type) {
            case PIDF -> SipBody.text(type.mediaType(), pidf.write(pidf(contact, resources)));
            case MS_CATEGORIES -> SipBody.text(type.mediaType(), categories.write(categories(contact, resources)));
        };
    }

    private PidfDocument pidf(XmppAddress contact, List<XmppPresence> resources) {
        return mappedOrOffline("PIDF", contact, resources, toPidf::toPidf);
    }

    private MsCategories categories(XmppAddress contact, List<XmppPresence> resources) {
        return mappedOrOffline("enhanced presence", contact, resources, toCategories::toCategories);
    }

    /** {@code contact}'s presence mapped by {@code mapper}; if it does not map, logged and mapped as offline. */
    private static <T> T mappedOrOffline(String format, XmppAddress contact, List<XmppPresence> resources,
                                         BiFunction<XmppAddress, List<XmppPresence>, MappingResult<T>> mapper) {
        MappingResult<T> document = mapper.apply(contact, resources);
        if (document instanceof MappingResult.Rejected<T> rejected) {
            LOG.info("presence of {} not mapped to {}: {}", contact, format, rejected.rejection().reason());
            document = mapper.apply(contact, List.of());
        }
        return document.orElseThrow();
    }
}
