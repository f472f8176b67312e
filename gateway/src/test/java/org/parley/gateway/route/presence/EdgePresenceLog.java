package org.parley.gateway.route.presence;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * What the test Access Edge (Kamailio with its presence modules, {@code org.parley.testkit.KamailioPresence})
 * logged about presence: the SUBSCRIBEs and PUBLISHes its presence server handled and the NOTIFYs it relayed to
 * SIP watchers, read from the {@code xlog} lines its generated configuration writes.
 */
final class EdgePresenceLog {

    private static final Pattern REQUEST = Pattern.compile(
            "edge: presence (\\w+) to=\\[([^]]*)] from=\\[([^]]*)] call-id=\\[([^]]*)] to-tag=\\[([^]]*)]");
    private static final Pattern RELAYED = Pattern.compile(
            "(?m)edge: relaying NOTIFY (\\S+) via \\[[^]]*] call-id=\\[([^]]*)] state=\\[([^]]*)] body=\\[(.*)]$");

    /** A PUBLISH or SUBSCRIBE the presence server handled; {@code inDialog} when it carried a To tag. */
    record Request(String method, String to, String from, String callId, boolean inDialog) {
    }

    /** A NOTIFY relayed toward a SIP user, with its Subscription-State and body (one line, as the gateway writes it). */
    record RelayedNotify(String requestUri, String callId, String state, String body) {
    }

    private EdgePresenceLog() {
    }

    /** The SUBSCRIBEs for {@code presentity} from {@code watcher} (SIP URIs) in {@code log}, in order. */
    static List<Request> subscribes(String log, String presentity, String watcher) {
        return REQUEST.matcher(log).results()
                .map(m -> new Request(m.group(1), m.group(2), m.group(3), m.group(4), !isEmpty(m.group(5))))
                .filter(r -> r.method().equals("SUBSCRIBE") && r.to().equals(presentity) && r.from().equals(watcher))
                .toList();
    }

    /** The NOTIFYs relayed to {@code user}'s contact (its user part) in {@code log}, in order. */
    static List<RelayedNotify> notifiesTo(String log, String user) {
        return RELAYED.matcher(log).results()
                .map(EdgePresenceLog::relayed)
                .filter(n -> n.requestUri().startsWith("sip:" + user + "@"))
                .toList();
    }

    private static RelayedNotify relayed(MatchResult m) {
        return new RelayedNotify(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    private static boolean isEmpty(String pv) {
        return pv.isEmpty() || pv.equals("<null>");
    }
}
