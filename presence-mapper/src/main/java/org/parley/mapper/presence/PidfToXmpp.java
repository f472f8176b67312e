package org.parley.mapper.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.pidf.BasicStatus;
import org.parley.mapper.pidf.PidfDocument;
import org.parley.mapper.pidf.PidfNote;
import org.parley.mapper.pidf.PidfPerson;
import org.parley.mapper.pidf.PidfTuple;

/**
 * The PIDF body of a SIP NOTIFY → XMPP presence notifications (RFC 8048 §6.3, Table 2), for the presence of a
 * local SIP user watched by a remote XMPP user. One presence per tuple:
 * <ul>
 *   <li>from: the SIP presentity mapped to XMPP (RFC 7247 §6.4) with the resourcepart from the tuple id
 *       ({@link TupleIds}); an id that is not a valid resourcepart gives the bare JID;</li>
 *   <li>{@code <basic>open} → no type, {@code closed} → {@code unavailable} (note 1); a tuple without
 *       {@code <basic>} says nothing about availability and is skipped;</li>
 *   <li>show: the tuple's {@code <show xmlns='jabber:client'>} (note 3), else the activities of the first
 *       {@code <dm:person>} through {@link ShowActivityTable}, else none;</li>
 *   <li>{@code <note>} → {@code <status/>}: the tuple's notes, else the person's, else the document's; one per
 *       {@code xml:lang}, the first wins;</li>
 *   <li>{@code <contact priority>} → {@code <priority/>} by {@link PriorityScale} (note 2), else 0.</li>
 * </ul>
 * Two tuples naming the same resource: the first wins. A document with no usable tuple, and a NOTIFY without
 * body ({@link #withoutBody}), mean "unknown or closed" (RFC 8048 §5.2.1): one unavailable presence from the bare
 * JID. The document's {@code entity} is not compared with the presentity: {@code pres:}, {@code sip:} and GRUU
 * forms of it are all in use, and the NOTIFY's dialog already says whose presence it is. Immutable, thread-safe.
 */
public final class PidfToXmpp {

    private final AddressMapper addresses;

    /** @param addresses maps the SIP presentity to its XMPP address */
    public PidfToXmpp(AddressMapper addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** The presence notifications for {@code document}, from {@code presentity} to {@code watcher}. */
    public MappingResult<List<XmppPresence>> toXmpp(SipAddress presentity, XmppAddress watcher,
                                                    PidfDocument document) {
        Objects.requireNonNull(document, "document");
        return user(presentity).map(user -> {
            Optional<PidfPerson> person = document.persons().stream().findFirst();
            Map<XmppAddress, XmppPresence> byAddress = new LinkedHashMap<>();
            for (PidfTuple tuple : document.tuples()) {
                if (tuple.basic().isEmpty()) {
                    continue;
                }
                XmppAddress from = resourceOf(user, tuple.id());
                byAddress.putIfAbsent(from, presence(from, watcher, tuple, person, document.notes()));
            }
            if (byAddress.isEmpty()) {
                return List.of(XmppPresence.unavailable(user, watcher));
            }
            return List.copyOf(byAddress.values());
        });
    }

    /** A NOTIFY without body: the state is unknown or closed (RFC 8048 §5.2.1), so the user is unavailable. */
    public MappingResult<XmppPresence> withoutBody(SipAddress presentity, XmppAddress watcher) {
        return user(presentity).map(user -> XmppPresence.unavailable(user, watcher));
    }

    private MappingResult<XmppAddress> user(SipAddress presentity) {
        return addresses.toXmpp(presentity.withoutGruu(), Party.LOCAL_SIP_USER);
    }

    private static XmppAddress resourceOf(XmppAddress user, String tupleId) {
        Optional<String> resource = TupleIds.resourceFor(tupleId);
        if (resource.isEmpty()) {
            return user;
        }
        return XmppAddress.parse(user + "/" + resource.get()).isMapped()
                ? user.withResource(resource.get()) : user;
    }

    private static XmppPresence presence(XmppAddress from, XmppAddress watcher, PidfTuple tuple,
                                         Optional<PidfPerson> person, List<PidfNote> documentNotes) {
        List<StatusText> statuses = statuses(tuple, person, documentNotes);
        if (tuple.basic().get() == BasicStatus.CLOSED) {
            return XmppPresence.unavailable(from, watcher).withStatuses(statuses);
        }
        Show show = tuple.show().map(Show::fromPidf)
                .or(() -> person.flatMap(p -> ShowActivityTable.showFor(p.activities())))
                .orElse(Show.ABSENT);
        int priority = tuple.contact().flatMap(contact -> contact.priority()).map(PriorityScale::toXmpp).orElse(0);
        return XmppPresence.available(from, watcher).withShow(show).withStatuses(statuses).withPriority(priority);
    }

    private static List<StatusText> statuses(PidfTuple tuple, Optional<PidfPerson> person,
                                             List<PidfNote> documentNotes) {
        List<PidfNote> notes = tuple.notes();
        if (notes.isEmpty()) {
            notes = person.map(PidfPerson::notes).orElse(List.of());
        }
        if (notes.isEmpty()) {
            notes = documentNotes;
        }
        Map<Optional<String>, StatusText> byLang = new LinkedHashMap<>();
        for (PidfNote note : notes) {
            byLang.putIfAbsent(note.lang(), new StatusText(note.text(), note.lang()));
        }
        return new ArrayList<>(byLang.values());
    }
}
