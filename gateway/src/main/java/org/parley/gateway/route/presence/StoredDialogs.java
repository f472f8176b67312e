package org.parley.gateway.route.presence;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.gateway.presence.state.DialogId;
import org.parley.gateway.presence.state.DialogRole;
import org.parley.gateway.presence.state.DialogState;
import org.parley.gateway.presence.state.SipSubscriptionDialog;
import org.parley.gateway.presence.state.StateChange;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.SubscribeIntent;
import org.parley.sip.SipDialogSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores and forgets the presence subscription dialogs (issue 6 item 3; RFC 6665 §4.1.2.2, §4.2): converts the SIP
 * module's {@link SipDialogSnapshot} to the store's {@link SipSubscriptionDialog} row and back. Writes go through
 * {@link StateChanges} (batched in the background); a failed write is logged, the dialog itself goes on. The row
 * does not keep the dialog's URIs: they follow from the authorization (the SIP user's address of record and the
 * contact's SIP URI, RFC 7247 §4), the values the gateway put in the dialog's From and To.
 */
final class StoredDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(StoredDialogs.class);

    private final StateChanges state;
    private final Clock clock;

    StoredDialogs(StateChanges state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Stores {@code dialog} of {@code role} carrying presence for {@code key}, ending {@code expires} from now. */
    DialogId put(DialogRole role, AuthorizationKey key, SipDialogSnapshot dialog, boolean active, Duration expires) {
        return put(role, key, dialog, active, expires, NotifyBodyType.PIDF);
    }

    /** As the other {@code put}, for a dialog whose NOTIFYs carry {@code body}. */
    DialogId put(DialogRole role, AuthorizationKey key, SipDialogSnapshot dialog, boolean active, Duration expires,
                 NotifyBodyType body) {
        SipSubscriptionDialog row = new SipSubscriptionDialog(new DialogId(dialog.callId(), dialog.localTag()),
                Optional.of(dialog.remoteTag()), role, key.sipUser(), key.xmppContact(), SubscribeIntent.EVENT,
                active ? DialogState.ACTIVE : DialogState.PENDING, dialog.remoteTarget(), dialog.routeSet(),
                dialog.localCseq(), clock.instant().plus(expires), body);
        state.apply(StateChange.put(row)).exceptionally(failed -> {
            LOG.warn("{} dialog {} not stored: {}", role.token(), row.id(), failed.toString());
            return null;
        });
        return row.id();
    }

    /** Removes the stored dialog {@code id}, if any. */
    void forget(DialogId id) {
        state.apply(StateChange.remove(id)).exceptionally(failed -> {
            LOG.warn("dialog {} not removed: {}", id, failed.toString());
            return null;
        });
    }

    /** How long the stored {@code row} has left now (negative once expired). */
    Duration remaining(SipSubscriptionDialog row) {
        return Duration.between(clock.instant(), row.expiresAt());
    }

    /**
     * The dialog of a stored row, with the gateway's URI {@code localUri} and the peer's {@code remoteUri}; empty
     * when the row lacks the peer's tag.
     */
    static Optional<SipDialogSnapshot> snapshot(SipSubscriptionDialog row, String localUri, String remoteUri) {
        return row.remoteTag().map(remoteTag -> new SipDialogSnapshot(row.id().callId(), localUri, row.id().localTag(),
                remoteUri, remoteTag, row.remoteTarget(), row.routeSet(), row.localCseq()));
    }
}
