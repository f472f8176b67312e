package org.parley.mapper.presence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway does with an XMPP presence stanza from a remote XMPP user to a local SIP user (RFC 8048 §5, §6.2,
 * §7.1), as a decision table by stanza type:
 * <pre>
 *  type           action                       section
 *  (none)         NOTIFY_PRESENCE              §6.2  PIDF NOTIFY to the SIP watcher (basic open)
 *  unavailable    NOTIFY_PRESENCE              §6.2  PIDF NOTIFY (basic closed)
 *  subscribe      SEND_SUBSCRIBE               §5.2.1
 *  subscribed     NOTIFY_ACTIVE                §5.3.1 empty NOTIFY, Subscription-State: active
 *  unsubscribe    SEND_UNSUBSCRIBE             §5.2.3 SUBSCRIBE with Expires: 0
 *  unsubscribed   NOTIFY_REJECTED              §5.3.1 empty NOTIFY, terminated;reason=rejected
 *  probe          REPLY_WITH_LAST_KNOWN        when the SIP user's presence is known (stored)
 *                 SEND_FETCH                   §7.1   otherwise: SUBSCRIBE with Expires: 0, new dialog
 *  error          NOTIFY_TERMINATED_BY_ERROR   {@link SubscriptionState#terminatedBy}
 * </pre>
 * RFC 8048 §5.2.2 also asks for a fresh SUBSCRIBE when the XMPP user starts a presence session; that depends on
 * stored authorizations and is left to the caller, as is choosing which dialog a NOTIFY belongs to.
 */
public enum XmppPresenceAction {
    /** Map the stanza with {@link XmppToPidf} and NOTIFY every SIP watcher of the XMPP user. */
    NOTIFY_PRESENCE(null),
    /** Send a SUBSCRIBE creating a notification dialog. */
    SEND_SUBSCRIBE(SubscribeIntent.Kind.SUBSCRIBE),
    /** Send a SUBSCRIBE with Expires 0 in the existing dialog. */
    SEND_UNSUBSCRIBE(SubscribeIntent.Kind.UNSUBSCRIBE),
    /** Send a SUBSCRIBE with Expires 0 in a new dialog; its NOTIFY answers the probe. */
    SEND_FETCH(SubscribeIntent.Kind.FETCH),
    /** Answer the probe with the stored last known presence of the SIP user's resources. */
    REPLY_WITH_LAST_KNOWN(null),
    /** Empty NOTIFY with {@code Subscription-State: active} in the SIP watcher's dialog: authorization granted. */
    NOTIFY_ACTIVE(null),
    /** Empty NOTIFY with {@code terminated;reason=rejected}: authorization denied or revoked. */
    NOTIFY_REJECTED(null),
    /** Empty NOTIFY with the termination {@link SubscriptionState#terminatedBy} gives for the stanza error. */
    NOTIFY_TERMINATED_BY_ERROR(null);

    /** A probe needs to know whether the state is stored; every other type has one action. */
    private record Row(XmppPresenceAction whenKnown, XmppPresenceAction whenUnknown) {
        static Row always(XmppPresenceAction action) {
            return new Row(action, action);
        }
    }

    private static final Map<PresenceType, Row> TABLE = table();

    private final SubscribeIntent.Kind subscribeKind;

    XmppPresenceAction(SubscribeIntent.Kind subscribeKind) {
        this.subscribeKind = subscribeKind;
    }

    private static Map<PresenceType, Row> table() {
        Map<PresenceType, Row> table = new EnumMap<>(PresenceType.class);
        table.put(PresenceType.AVAILABLE, Row.always(NOTIFY_PRESENCE));
        table.put(PresenceType.UNAVAILABLE, Row.always(NOTIFY_PRESENCE));
        table.put(PresenceType.SUBSCRIBE, Row.always(SEND_SUBSCRIBE));
        table.put(PresenceType.SUBSCRIBED, Row.always(NOTIFY_ACTIVE));
        table.put(PresenceType.UNSUBSCRIBE, Row.always(SEND_UNSUBSCRIBE));
        table.put(PresenceType.UNSUBSCRIBED, Row.always(NOTIFY_REJECTED));
        table.put(PresenceType.PROBE, new Row(REPLY_WITH_LAST_KNOWN, SEND_FETCH));
        table.put(PresenceType.ERROR, Row.always(NOTIFY_TERMINATED_BY_ERROR));
        if (table.size() != PresenceType.values().length) {
            throw new IllegalStateException("the table needs a row for every presence type");
        }
        return Collections.unmodifiableMap(table);
    }

    /**
     * The action for a stanza of {@code type}.
     *
     * @param presenceKnown whether the gateway holds the SIP user's current presence (only a probe looks at it)
     */
    public static XmppPresenceAction of(PresenceType type, boolean presenceKnown) {
        Row row = TABLE.get(type);
        return presenceKnown ? row.whenKnown() : row.whenUnknown();
    }

    /** The SUBSCRIBE this action sends, if it sends one. */
    public Optional<SubscribeIntent.Kind> subscribeKind() {
        return Optional.ofNullable(subscribeKind);
    }
}
