package org.parley.gateway.route.presence;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.mapper.presence.NotifyAction;
import org.parley.mapper.presence.OutboundDialog;
import org.parley.mapper.presence.SubscribeIntent;
import org.parley.mapper.presence.SubscribeResponseAction;
import org.parley.mapper.presence.SubscriptionState;
import org.parley.mapper.presence.TerminationReason;

/**
 * What the end of one of the gateway's presence subscriptions means for the XMPP user it watched for (RFC 8048
 * §5.2.2; RFC 6665 §4.1.2, §4.1.3), read from the reason the SIP module gives — the {@code reason} of a NOTIFY
 * {@code terminated}, or {@code "refused: <status> ..."} / {@code "refresh failed: <status> ..."} for a failed
 * SUBSCRIBE — through the mapper's tables {@link NotifyAction} and {@link SubscribeResponseAction}:
 * <pre>
 *  reason                                     end
 *  rejected, noresource                       END_AUTHORIZATION
 *  refused or refresh failed: 403, 489, 603   END_AUTHORIZATION
 *  refused: another 3xx–6xx (e.g. 404)        END_AUTHORIZATION (the subscribe cannot succeed: RFC 7247 Table 3)
 *  deactivated, timeout                       RESUBSCRIBE
 *  refused or refresh failed: 481             RESUBSCRIBE
 *  anything else (probation, giveup, no reason, transport failure, 408, 423, 477, 5xx)   LOSE_PRESENCE
 * </pre>
 * A 423 reaches this table only when the SIP module's own retry with the notifier's Min-Expires did not cure it (a
 * second 423, no usable Min-Expires, or one above a day: {@code Subscriptions} in {@code sip-federation}); the mapper's
 * {@link SubscribeResponseAction#RETRY_WITH_MIN_EXPIRES} is done there, and what is left loses presence until the retry.
 * For a subscription whose authorization was already confirmed (taken back after a restart, made again after the
 * edge returned or after a transient failure), a refused SUBSCRIBE is read as a failed refresh: only 403, 489 and
 * 603 end the authorization, 481 subscribes again, and anything else (404 included) loses presence until the retry
 * — an unreachable user agent behind the edge does not undo what the contacts agreed (RFC 6665 §4.1.2.2).
 */
public enum SubscriptionEnd {
    /** The authorization is over: the XMPP user gets {@code unavailable} and {@code unsubscribed}. */
    END_AUTHORIZATION,
    /** Only the dialog ended: subscribe again at once; the authorization stands. */
    RESUBSCRIBE,
    /** The presence is no longer known: {@code unavailable}; the authorization stands for a later subscribe. */
    LOSE_PRESENCE;

    private static final Pattern FAILED = Pattern.compile("^(refused|refresh failed): (\\d{3})\\b.*");

    /** The end that {@code reason} from a {@code Terminated} event stands for, for a subscription not yet confirmed. */
    public static SubscriptionEnd of(String reason) {
        return of(reason, false);
    }

    /**
     * The end that {@code reason} from a {@code Terminated} event stands for; {@code confirmed} when the authorization
     * had been granted before this SUBSCRIBE was sent.
     */
    public static SubscriptionEnd of(String reason, boolean confirmed) {
        String text = reason.strip().toLowerCase(Locale.ROOT);
        Matcher failed = FAILED.matcher(text);
        if (failed.matches()) {
            SubscribeIntent.Kind kind = failed.group(1).equals("refused") && !confirmed
                    ? SubscribeIntent.Kind.SUBSCRIBE : SubscribeIntent.Kind.REFRESH;
            int status = Integer.parseInt(failed.group(2));
            return status < 300 || status > 699 ? LOSE_PRESENCE : of(SubscribeResponseAction.of(kind, status));
        }
        Optional<TerminationReason> notified = TerminationReason.fromWire(text);
        if (notified.isEmpty()) {
            return LOSE_PRESENCE;
        }
        return of(NotifyAction.of(OutboundDialog.CONFIRMED, SubscriptionState.terminated(notified.get())));
    }

    private static SubscriptionEnd of(SubscribeResponseAction action) {
        return switch (action) {
            case END_AUTHORIZATION, BOUNCE -> END_AUTHORIZATION;
            case RESUBSCRIBE -> RESUBSCRIBE;
            default -> LOSE_PRESENCE;
        };
    }

    private static SubscriptionEnd of(NotifyAction action) {
        return switch (action) {
            case END_AUTHORIZATION -> END_AUTHORIZATION;
            case RESUBSCRIBE_NOW -> RESUBSCRIBE;
            default -> LOSE_PRESENCE;
        };
    }
}
