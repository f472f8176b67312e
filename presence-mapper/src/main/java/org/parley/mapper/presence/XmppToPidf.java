package org.parley.mapper.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.Activity;
import org.parley.mapper.pidf.BasicStatus;
import org.parley.mapper.pidf.PidfContact;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfNote;
import org.parley.mapper.pidf.PidfPerson;
import org.parley.mapper.pidf.PidfTuple;

/**
 * XMPP presence notifications → the PIDF body of a SIP NOTIFY (RFC 8048 §6.2, Table 1), for the presence of a
 * remote XMPP user watched by a local SIP user. Per resource, one tuple:
 * <ul>
 *   <li>tuple id from the resourcepart ({@link TupleIds}, note 2);</li>
 *   <li>no type → {@code <basic>open}, {@code unavailable} → {@code <basic>closed} (notes 4, 5);</li>
 *   <li>{@code <show/>} → {@code <show xmlns='jabber:client'>} in the status (note 7), and the RPID activity of
 *       {@link ShowActivityTable} in one {@code <dm:person>} for the most available open resource;</li>
 *   <li>{@code <status/>} → {@code <note>} with its {@code xml:lang};</li>
 *   <li>{@code <priority/>} → {@code <contact priority>} scaled by {@link PriorityScale} (note 6, none when
 *       negative); the contact URI is the resource's SIP address with {@code ;gr=} (RFC 7247 §6.3).</li>
 * </ul>
 * The {@code entity} is the user's {@code sip:} address (the RFC examples use {@code pres:}; both name the same
 * presentity and SIP presence servers expect the SIP form). A NOTIFY carries the full state (RFC 3856 §6.3), so
 * {@link #toPidf(XmppAddress, Collection)} takes the last known presence of every resource; with none, the
 * document has one closed tuple for the bare JID. Immutable and thread-safe.
 */
public final class XmppToPidf {

    private static final String PERSON_ID = "person";

    private final AddressMapper addresses;

    /** @param addresses maps the XMPP user's JIDs to the SIP addresses used as entity and contact */
    public XmppToPidf(AddressMapper addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** The document for one presence notification (available or unavailable). */
    public MappingResult<PidfDocument> toPidf(XmppPresence presence) {
        return toPidf(presence.from().bare(), List.of(presence));
    }

    /**
     * The full-state document for {@code user} from the last presence of each of its resources.
     *
     * @throws IllegalArgumentException if a presence is not a notification or is not from {@code user}
     */
    public MappingResult<PidfDocument> toPidf(XmppAddress user, Collection<XmppPresence> resources) {
        XmppAddress bare = user.bare();
        for (XmppPresence presence : resources) {
            if (!presence.type().isNotification()) {
                throw new IllegalArgumentException("only available/unavailable presence maps to PIDF (RFC 8048 "
                        + "§6.2 note 1), not " + presence.type());
            }
            if (!presence.from().bare().equals(bare)) {
                throw new IllegalArgumentException(presence.from() + " is not a resource of " + bare);
            }
        }
        return sipAddress(bare).flatMap(entity -> {
            List<PidfTuple> tuples = new ArrayList<>();
            for (XmppPresence presence : resources) {
                MappingResult<PidfTuple> tuple = tuple(presence);
                if (tuple instanceof MappingResult.Rejected<PidfTuple> rejected) {
                    return MappingResult.rejected(rejected.rejection());
                }
                tuples.add(tuple.orElseThrow());
            }
            if (tuples.isEmpty()) {
                tuples.add(PidfTuple.of(TupleIds.BARE, BasicStatus.CLOSED));
            }
            List<PidfPerson> persons = person(resources).stream().toList();
            return MappingResult.mapped(new PidfDocument(entity.toUri(), tuples, List.of(), persons));
        });
    }

    private MappingResult<PidfTuple> tuple(XmppPresence presence) {
        boolean open = presence.type() == PresenceType.AVAILABLE;
        List<PidfNote> notes = presence.statuses().stream()
                .map(status -> new PidfNote(status.text(), status.lang())).toList();
        return sipAddress(presence.from()).map(contact -> new PidfTuple(
                TupleIds.forResource(presence.from().resource()),
                Optional.of(open ? BasicStatus.OPEN : BasicStatus.CLOSED),
                presence.show().toPidf(),
                Optional.of(new PidfContact(contact.toUri(),
                        open ? PriorityScale.toPidf(presence.priority()) : Optional.empty())),
                notes,
                Optional.empty()));
    }

    /** The person element for the most available open resource, when its show has an RPID activity. */
    private static Optional<PidfPerson> person(Collection<XmppPresence> resources) {
        Optional<XmppPresence> best = Optional.empty();
        for (XmppPresence presence : resources) {
            if (presence.type() == PresenceType.AVAILABLE
                    && (best.isEmpty() || presence.show().isMoreAvailableThan(best.get().show()))) {
                best = Optional.of(presence);
            }
        }
        Optional<Activity> activity = best.flatMap(p -> ShowActivityTable.activityFor(p.show()));
        return activity.map(a -> PidfPerson.of(PERSON_ID, List.of(a)));
    }

    private MappingResult<SipAddress> sipAddress(XmppAddress address) {
        return addresses.toSip(address, Party.REMOTE_XMPP_USER);
    }
}
