package org.parley.xmpp.s2s;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Outstanding XEP-0199 pings sent on outbound streams. s2s streams are one-way (RFC 6120 §4.1), so the answer to
 * a ping sent on our outbound stream arrives on the peer's stream to us; {@link LocalDelivery} reports it here.
 * Thread-safe.
 */
final class PingTracker {

    private final ConcurrentHashMap<String, Runnable> pending = new ConcurrentHashMap<>();

    /** Remembers ping {@code id}; {@code onAnswer} runs (on the answering stream's loop) when it is answered. */
    void register(String id, Runnable onAnswer) {
        pending.put(id, onAnswer);
    }

    /** Forgets ping {@code id}; true when it was still unanswered. */
    boolean forget(String id) {
        return pending.remove(id) != null;
    }

    /** Whether {@code id} was one of our pings (a result or error answers it, XEP-0199 §4.3); consumes it. */
    boolean answered(String id) {
        Runnable callback = pending.remove(id);
        if (callback == null) {
            return false;
        }
        callback.run();
        return true;
    }
}
