package org.parley.mapper.presence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway does with a NOTIFY received in a dialog it created for an XMPP user, besides answering 200
 * (RFC 8048 §5.2.1, §7.1; RFC 6665 §4.1.3), as a decision table by dialog and {@code Subscription-State}:
 * <pre>
 *  dialog                       Subscription-State                 action
 *  UNSUBSCRIBING                any                                ACKNOWLEDGE
 *  FETCHING                     active; terminated (none/timeout)  DELIVER
 *  FETCHING                     anything else                      ACKNOWLEDGE  (nothing authorized to reveal)
 *  AWAITING_ACTIVE              active                             CONFIRM_AND_DELIVER
 *  CONFIRMED                    active                             DELIVER
 *  AWAITING_ACTIVE, CONFIRMED   pending, unknown substate          ACKNOWLEDGE  (§5.2.1: no stanza)
 *    "                          terminated;reason=rejected         END_AUTHORIZATION
 *    "                          terminated;reason=noresource       END_AUTHORIZATION
 *    "                          terminated;reason=deactivated      RESUBSCRIBE_NOW
 *    "                          terminated;reason=timeout          RESUBSCRIBE_NOW
 *    "                          terminated;reason=probation        RESUBSCRIBE_LATER
 *    "                          terminated;reason=giveup           RESUBSCRIBE_LATER
 *    "                          terminated (no or unknown reason)  RESUBSCRIBE_LATER
 *    "                          terminated;reason=invariant        DROP_DIALOG
 * </pre>
 * An unknown substate is treated like pending: it grants nothing the gateway could show.
 */
public enum NotifyAction {
    /** First active NOTIFY: send {@code subscribed} (Example 5), then the presence of the body (Example 6). */
    CONFIRM_AND_DELIVER,
    /** Map the body with {@link PidfToXmpp} (or {@link PidfToXmpp#withoutBody}) and send it to the XMPP user. */
    DELIVER,
    /** Answer 200 and do nothing else. */
    ACKNOWLEDGE,
    /** Send {@code unavailable} and {@code unsubscribed} to the XMPP user; forget dialog and authorization. */
    END_AUTHORIZATION,
    /** Subscribe again at once in a new dialog; the authorization and the shown presence stand. */
    RESUBSCRIBE_NOW,
    /** Subscribe again after {@code retry-after}, or {@link SubscriptionSettings#retrySeconds}. */
    RESUBSCRIBE_LATER,
    /** Send {@code unavailable}; keep the authorization but do not subscribe until the next presence session. */
    DROP_DIALOG;

    private static final Map<TerminationReason, NotifyAction> TERMINATED = terminated();

    private static Map<TerminationReason, NotifyAction> terminated() {
        Map<TerminationReason, NotifyAction> table = new EnumMap<>(TerminationReason.class);
        table.put(TerminationReason.REJECTED, END_AUTHORIZATION);
        table.put(TerminationReason.NORESOURCE, END_AUTHORIZATION);
        table.put(TerminationReason.DEACTIVATED, RESUBSCRIBE_NOW);
        table.put(TerminationReason.TIMEOUT, RESUBSCRIBE_NOW);
        table.put(TerminationReason.PROBATION, RESUBSCRIBE_LATER);
        table.put(TerminationReason.GIVEUP, RESUBSCRIBE_LATER);
        table.put(TerminationReason.INVARIANT, DROP_DIALOG);
        if (table.size() != TerminationReason.values().length) {
            throw new IllegalStateException("the table needs a row for every reason");
        }
        return Collections.unmodifiableMap(table);
    }

    /** The action for a NOTIFY carrying {@code state} in a dialog standing at {@code dialog}. */
    public static NotifyAction of(OutboundDialog dialog, SubscriptionState state) {
        SubscriptionState.Substate substate = state.substate();
        Optional<TerminationReason> reason = state.reason();
        return switch (dialog) {
            case UNSUBSCRIBING -> ACKNOWLEDGE;
            case FETCHING -> {
                boolean answer = substate == SubscriptionState.Substate.ACTIVE
                        || (substate == SubscriptionState.Substate.TERMINATED
                        && reason.map(r -> r == TerminationReason.TIMEOUT).orElse(true));
                yield answer ? DELIVER : ACKNOWLEDGE;
            }
            case AWAITING_ACTIVE, CONFIRMED -> switch (substate) {
                case ACTIVE -> dialog == OutboundDialog.AWAITING_ACTIVE ? CONFIRM_AND_DELIVER : DELIVER;
                case PENDING, EXTENSION -> ACKNOWLEDGE;
                case TERMINATED -> reason.map(TERMINATED::get).orElse(RESUBSCRIBE_LATER);
            };
        };
    }
}
