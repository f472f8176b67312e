package org.parley.mapper.presence;

import java.util.Set;

/**
 * What the gateway does with the final response to a SUBSCRIBE it sent for an XMPP user (RFC 8048 §5.2.2,
 * §5.2.3, §7.1; RFC 6665 §4.1.2), as a decision table by SUBSCRIBE kind and status code:
 * <pre>
 *  kind                 status                      action
 *  UNSUBSCRIBE          any final                   CONFIRM_UNSUBSCRIBED   §5.2.3 (an error means no dialog either)
 *  FETCH                2xx                         AWAIT_NOTIFY           §7.1
 *  FETCH                3xx–6xx                     DROP                   a probe needs no answer (RFC 6121 §4.3)
 *  SUBSCRIBE, REFRESH   2xx                         AWAIT_NOTIFY           §5.2.1: "neutral" until NOTIFY active
 *  SUBSCRIBE, REFRESH   403, 489, 603               END_AUTHORIZATION      §5.2.2: permanently cancelled
 *  SUBSCRIBE, REFRESH   423                         RETRY_WITH_MIN_EXPIRES §5.2.2: transient
 *  SUBSCRIBE, REFRESH   481                         RESUBSCRIBE            §5.2.2: transient; RFC 6665 §4.1.2.2
 *  SUBSCRIBE, REFRESH   408, 477, 480, 500, 502,    RETRY_LATER            transient by their nature (477: a proxy
 *                       503, 504                                           could not send to the next hop)
 *  REFRESH              any other 3xx–6xx           RETRY_LATER            RFC 6665 §4.1.2.2: keep the authorization
 *  SUBSCRIBE            any other 3xx–6xx           BOUNCE                 presence error, RFC 7247 Table 3
 * </pre>
 */
public enum SubscribeResponseAction {
    /** Accepted: wait for the NOTIFY that says active, pending or terminated; nothing to XMPP yet. */
    AWAIT_NOTIFY,
    /** Send {@code unsubscribed} to the XMPP user (RFC 8048 §5.2.3, Example 9) and forget the dialog. */
    CONFIRM_UNSUBSCRIBED,
    /** Nothing to send; forget the dialog. */
    DROP,
    /** The authorization is permanently cancelled: send {@code unsubscribed} to the XMPP user, forget it all. */
    END_AUTHORIZATION,
    /**
     * Send the SUBSCRIBE again with the response's Min-Expires ({@link SubscribeIntent#withMinExpires}); the gateway's
     * SIP module does this itself, once per attempt, and keeps the longer Expires for later refreshes.
     */
    RETRY_WITH_MIN_EXPIRES,
    /** The dialog is gone: create a new one with a SUBSCRIBE outside it; the authorization stands. */
    RESUBSCRIBE,
    /** Keep the authorization; subscribe again after Retry-After, or {@link SubscriptionSettings#retrySeconds}. */
    RETRY_LATER,
    /** Answer the XMPP subscribe with a presence error (condition from RFC 7247 Table 3) and forget the dialog. */
    BOUNCE;

    private static final Set<Integer> ENDS_AUTHORIZATION = Set.of(403, 489, 603);
    private static final Set<Integer> TRANSIENT = Set.of(408, 477, 480, 500, 502, 503, 504);

    /**
     * The action for final response {@code status} to a SUBSCRIBE of {@code kind}.
     *
     * @throws IllegalArgumentException if {@code status} is not a final response code (200–699)
     */
    public static SubscribeResponseAction of(SubscribeIntent.Kind kind, int status) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("not a final SIP response code: " + status);
        }
        boolean success = status < 300;
        return switch (kind) {
            case UNSUBSCRIBE -> CONFIRM_UNSUBSCRIBED;
            case FETCH -> success ? AWAIT_NOTIFY : DROP;
            case SUBSCRIBE, REFRESH -> {
                if (success) {
                    yield AWAIT_NOTIFY;
                }
                yield forFailure(status, kind == SubscribeIntent.Kind.REFRESH);
            }
        };
    }

    private static SubscribeResponseAction forFailure(int status, boolean refresh) {
        if (ENDS_AUTHORIZATION.contains(status)) {
            return END_AUTHORIZATION;
        }
        if (status == 423) {
            return RETRY_WITH_MIN_EXPIRES;
        }
        if (status == 481) {
            return RESUBSCRIBE;
        }
        if (refresh || TRANSIENT.contains(status)) {
            return RETRY_LATER;
        }
        return BOUNCE;
    }
}
