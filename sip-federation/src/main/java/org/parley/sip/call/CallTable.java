package org.parley.sip.call;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.sip.CallKey;

/**
 * The live calls: each by its {@link CallKey} (for ACK and BYE), and unanswered incoming INVITEs by Call-ID
 * and top Via branch too (a CANCEL matches its INVITE so, RFC 3261 §9.2).
 */
final class CallTable {

    private final Map<CallKey, CallLeg> legs = new ConcurrentHashMap<>();
    private final Map<String, IncomingInvite> invites = new ConcurrentHashMap<>();

    void add(CallKey key, CallLeg leg) {
        legs.put(key, leg);
    }

    void addInvite(String callId, String branch, IncomingInvite invite) {
        invites.put(callId + ' ' + branch, invite);
    }

    Optional<CallLeg> leg(CallKey key) {
        return Optional.ofNullable(legs.get(key));
    }

    Optional<IncomingInvite> invite(String callId, String branch) {
        return Optional.ofNullable(invites.get(callId + ' ' + branch));
    }

    void removeInvite(String callId, String branch) {
        invites.remove(callId + ' ' + branch);
    }

    void remove(CallKey key) {
        legs.remove(key);
    }
}
