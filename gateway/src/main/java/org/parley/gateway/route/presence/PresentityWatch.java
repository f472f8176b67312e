package org.parley.gateway.route.presence;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.DialogId;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.OutboundDialog;
import org.parley.mapper.presence.XmppPresence;
import org.parley.sip.SubscriptionId;

/**
 * One XMPP user's subscription to one SIP user as {@link SipPresentities} holds it (RFC 8048 §5.2): the SIP
 * subscription's id and stored dialog, where the pair stands ({@link OutboundDialog}), the presence last shown, and
 * the lane that keeps what goes to the XMPP user in order. Mutable fields are guarded by the owning
 * {@link SipPresentities}.
 *
 * <p>A gateway holds one per subscription, so it keeps only what cannot be derived: the key (the object the
 * presence state holds for the authorization, so the addresses are held once), the SIP user's JID, and what
 * changes. The SUBSCRIBE's addresses are mapped again from the key when one is sent.
 */
final class PresentityWatch {

    final AuthorizationKey key;
    final XmppAddress presentity;
    SubscriptionId id;
    /** The local tag of the stored dialog (its Call-ID is the subscription's, {@link #id}); null when none is. */
    private String storedTag;
    OutboundDialog dialog = OutboundDialog.AWAITING_ACTIVE;
    /** Whether the edge accepted the SIP subscription (a 2xx to its SUBSCRIBE), counted as active. */
    boolean accepted;
    /** The presence last shown when it was of one resource (the usual case: no list object held); else null. */
    private ShownResource lastOne;
    /** The presence last shown otherwise (none, or several resources). */
    private List<ShownResource> lastMany = List.of();
    /** What was last queued for the XMPP user; the owner's shared completed stage once that has run. */
    CompletableFuture<Void> lane;

    PresentityWatch(AuthorizationKey key, XmppAddress presentity, CompletableFuture<Void> idle) {
        this.key = key;
        this.presentity = presentity;
        this.lane = idle;
    }

    /** Notes that the subscription's dialog is stored as {@code dialog}, which must be the subscription's. */
    void stored(DialogId dialog) {
        if (!dialog.callId().equals(id.callId())) {
            throw new IllegalStateException("dialog " + dialog + " is not subscription " + id.callId() + "'s");
        }
        storedTag = dialog.localTag();
    }

    /** The stored dialog, if any. */
    Optional<DialogId> stored() {
        return storedTag == null ? Optional.empty() : Optional.of(new DialogId(id.callId(), storedTag));
    }

    /** The XMPP user watching: the authorization's contact (a bare JID). */
    XmppAddress watcher() {
        return key.xmppContact();
    }

    /**
     * A confirmed watch of the same pair for a new SIP subscription, continuing this one's lane (and, when
     * {@code keepLast}, its last presence, so that a later loss can name the resources shown).
     */
    PresentityWatch again(boolean keepLast) {
        PresentityWatch again = new PresentityWatch(key, presentity, lane);
        again.dialog = OutboundDialog.CONFIRMED;
        if (keepLast) {
            again.lastOne = lastOne;
            again.lastMany = lastMany;
        }
        return again;
    }

    /** Keeps {@code presences}, mapped from a NOTIFY or sent on a loss, as the presence last shown. */
    void show(List<XmppPresence> presences) {
        lastOne = presences.size() == 1 ? ShownResource.of(presences.get(0)) : null;
        lastMany = presences.size() == 1 ? List.of() : List.copyOf(presences.stream().map(ShownResource::of).toList());
    }

    /** The presence last shown, per resource. */
    List<ShownResource> last() {
        return lastOne != null ? List.of(lastOne) : lastMany;
    }

    /** The presence last shown, as stanzas to {@code to} (e.g. the XMPP user probing). */
    List<XmppPresence> lastShown(XmppAddress to) {
        return last().stream().map(resource -> resource.toStanza(presentity, to)).toList();
    }

    /**
     * Unavailable from every resource last shown available (RFC 6121 §4.5: an unavailable from the bare JID would
     * leave the resources' presence standing), or from the bare JID when none was.
     */
    List<XmppPresence> offline() {
        List<XmppPresence> resources = last().stream().filter(ShownResource::available)
                .map(resource -> XmppPresence.unavailable(resource.from(presentity), watcher())).toList();
        return resources.isEmpty() ? List.of(XmppPresence.unavailable(presentity, watcher())) : resources;
    }

    /**
     * A NOTIFY carries the full state (RFC 3856 §6.3): every resource last shown available that {@code now} leaves
     * out (a tuple gone, or no body at all) is now unavailable, sent from the resource itself.
     */
    List<XmppPresence> gone(List<XmppPresence> now) {
        Set<String> named = now.stream().map(presence -> presence.from().resource().orElse(""))
                .collect(Collectors.toSet());
        return last().stream().filter(resource -> resource.available() && !named.contains(resource.resource()))
                .map(resource -> XmppPresence.unavailable(resource.from(presentity), watcher())).toList();
    }
}
