package org.parley.gateway.presence.state;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The sizes of the bounded columns of {@code V2__presence_state.sql}, checked before a change is queued, so that
 * one oversized value (a 1023-byte JID resourcepart is valid, RFC 7622 §3.4) is refused on its own instead of
 * failing the whole batch it would have been written with. Sizes count UTF-8 bytes, which is stricter than the
 * columns' character counts and keeps every index entry within PostgreSQL's B-tree limit.
 */
final class ColumnLimits {

    static final int SIP_USER = 1024;
    static final int JID = 1280;
    static final int RESOURCE = 1023;
    static final int STATUS_LANG = 255;
    static final int CALL_ID = 255;
    static final int TAG = 128;
    static final int EVENT_PACKAGE = 64;
    static final int REMOTE_TARGET = 2048;
    static final int ROUTE_SET = 8192;

    private ColumnLimits() {
    }

    /** What is too long in {@code change}, if anything; removals are never too long. */
    static Optional<String> problem(StateChange change) {
        if (change instanceof StateChange.PutAuthorization put) {
            AuthorizationKey key = put.key();
            return first(check("SIP user", Columns.sipUser(key.sipUser()), SIP_USER),
                    check("XMPP contact", key.xmppContact().toString(), JID));
        }
        if (change instanceof StateChange.PutDialog put) {
            SipSubscriptionDialog dialog = put.dialog();
            return first(check("Call-ID", dialog.id().callId(), CALL_ID),
                    check("local tag", dialog.id().localTag(), TAG),
                    check("remote tag", dialog.remoteTag().orElse(""), TAG),
                    check("SIP user", Columns.sipUser(dialog.sipUser()), SIP_USER),
                    check("XMPP contact", dialog.xmppContact().toString(), JID),
                    check("event package", dialog.eventPackage(), EVENT_PACKAGE),
                    check("remote target", dialog.remoteTarget(), REMOTE_TARGET),
                    check("route set", DialogTable.routeSet(dialog.routeSet()), ROUTE_SET));
        }
        if (change instanceof StateChange.PutPresence put) {
            LastPresence presence = put.presence();
            Optional<String> lang = presence.statuses().stream()
                    .map(status -> check("xml:lang", status.lang().orElse(""), STATUS_LANG))
                    .flatMap(Optional::stream).findFirst();
            return first(check("JID", presence.from().bare().toString(), JID),
                    check("resource", presence.from().resource().orElse(""), RESOURCE), lang);
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... problems) {
        for (Optional<String> problem : problems) {
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(String what, String value, int maxBytes) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= maxBytes ? Optional.empty()
                : Optional.of(what + " has " + bytes + " bytes in UTF-8, more than the " + maxBytes + " stored");
    }
}
