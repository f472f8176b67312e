package org.parley.mapper.presence;

import java.util.List;
import java.util.Objects;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.MsCategories;

/**
 * Microsoft enhanced presence ({@link MsCategories}, [MS-PRES]) → one XMPP presence from the user's bare JID: the
 * availability band of {@link MsAvailability} gives type and show (no availability at all reads as
 * {@link MsAvailability#NONE}, i.e. unavailable), the note becomes the {@code <status/>} (without
 * {@code xml:lang}: the note's LCID is not mapped). Enhanced presence is aggregated per user, so there are no
 * resources and no priority. Immutable and thread-safe.
 */
public final class MsCategoriesToXmpp {

    private final AddressMapper addresses;

    /** @param addresses maps the SIP presentity to its XMPP address */
    public MsCategoriesToXmpp(AddressMapper addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** The presence for {@code categories} of {@code presentity}, addressed to {@code watcher}. */
    public MappingResult<XmppPresence> toXmpp(SipAddress presentity, XmppAddress watcher, MsCategories categories) {
        Objects.requireNonNull(categories, "categories");
        MsAvailability band = categories.availability().isPresent()
                ? MsAvailability.of(categories.availability().getAsLong()).orElse(MsAvailability.NONE)
                : MsAvailability.NONE;
        List<StatusText> statuses = categories.note().map(StatusText::of).stream().toList();
        return addresses.toXmpp(presentity.withoutGruu(), Party.LOCAL_SIP_USER)
                .map(user -> XmppPresence.of(band.type(), user, watcher).withShow(band.show())
                        .withStatuses(statuses));
    }
}
