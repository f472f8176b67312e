package org.parley.mapper.presence;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.MsCategories;

/**
 * XMPP presence → Microsoft enhanced presence ({@link MsCategories}, [MS-PRES]) for a SIP watcher that accepts only
 * {@code application/msrtc-event-categories+xml}. Enhanced presence is aggregated per user, so the resources are
 * folded into one {@code aggregateState} availability: the most available open resource (RFC 8048 §6.2, last
 * paragraph: chat, none, away, xa, dnd; equal shows by higher priority) gives the band, written as the band's
 * {@link MsAvailability#typical() typical} number:
 * <pre>
 *  XMPP                 band             availability   read back ({@link MsCategoriesToXmpp})
 *  chat                 ONLINE           3500           available
 *  (no show)            ONLINE           3500           available
 *  away                 BE_RIGHT_BACK    12500          away
 *  xa                   AWAY             15500          xa
 *  dnd                  DO_NOT_DISTURB   9500           dnd
 *  unavailable / none   OFFLINE          18500          unavailable
 * </pre>
 * The note is the {@code <status/>} of that resource (the one without {@code xml:lang}, else the first); with no
 * open resource, the first status any resource carries. Chat reads back as plain available: the bands have no
 * "free for chat". Immutable and thread-safe.
 */
public final class XmppToMsCategories {

    private static final Map<Show, MsAvailability> BANDS = bands();

    private final AddressMapper addresses;

    /** @param addresses maps the XMPP user's bare JID to the SIP URI written as the {@code uri} */
    public XmppToMsCategories(AddressMapper addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    private static Map<Show, MsAvailability> bands() {
        Map<Show, MsAvailability> bands = new EnumMap<>(Show.class);
        bands.put(Show.CHAT, MsAvailability.ONLINE);
        bands.put(Show.ABSENT, MsAvailability.ONLINE);
        bands.put(Show.AWAY, MsAvailability.BE_RIGHT_BACK);
        bands.put(Show.XA, MsAvailability.AWAY);
        bands.put(Show.DND, MsAvailability.DO_NOT_DISTURB);
        if (bands.size() != Show.values().length) {
            throw new IllegalStateException("the table needs a band for every show");
        }
        return Collections.unmodifiableMap(bands);
    }

    /** The band an available presence with {@code show} is written in. */
    public static MsAvailability bandFor(Show show) {
        return BANDS.get(Objects.requireNonNull(show, "show"));
    }

    /**
     * The enhanced presence of {@code user} from the last presence of each of its resources (offline if none).
     *
     * @throws IllegalArgumentException if a presence is not a notification or is not from {@code user}
     */
    public MappingResult<MsCategories> toCategories(XmppAddress user, Collection<XmppPresence> resources) {
        XmppAddress bare = user.bare();
        for (XmppPresence presence : resources) {
            if (!presence.type().isNotification()) {
                throw new IllegalArgumentException("only available/unavailable presence maps to enhanced presence, "
                        + "not " + presence.type());
            }
            if (!presence.from().bare().equals(bare)) {
                throw new IllegalArgumentException(presence.from() + " is not a resource of " + bare);
            }
        }
        Optional<XmppPresence> best = mostAvailable(resources);
        MsAvailability band = best.map(presence -> bandFor(presence.show())).orElse(MsAvailability.OFFLINE);
        Optional<String> note = best.isPresent() ? note(best.get())
                : resources.stream().map(XmppToMsCategories::note).flatMap(Optional::stream).findFirst();
        return addresses.toSip(bare, Party.REMOTE_XMPP_USER).map(entity ->
                new MsCategories(entity.toUri(), OptionalLong.of(band.typical()), note));
    }

    private static Optional<XmppPresence> mostAvailable(Collection<XmppPresence> resources) {
        Optional<XmppPresence> best = Optional.empty();
        for (XmppPresence presence : resources) {
            if (presence.type() != PresenceType.AVAILABLE) {
                continue;
            }
            if (best.isEmpty() || presence.show().isMoreAvailableThan(best.get().show())
                    || (presence.show() == best.get().show() && presence.priority() > best.get().priority())) {
                best = Optional.of(presence);
            }
        }
        return best;
    }

    /** The status without {@code xml:lang}, else the first; blank texts are no note. */
    private static Optional<String> note(XmppPresence presence) {
        return presence.statuses().stream().filter(status -> status.lang().isEmpty()).findFirst()
                .or(() -> presence.statuses().stream().findFirst())
                .map(StatusText::text).map(String::strip).filter(text -> !text.isEmpty());
    }
}
