package org.parley.xmpp.s2s;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.xmpp.dialback.DialbackElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving role's {@code db:verify} requests to one remote domain's authoritative server (XEP-0220 §2.1.3),
 * each remembered with the stream it went out on: an answer counts only if it arrives on that stream and matches
 * a request's stream id and domain pair (ROBUSTNESS 10). Requests wait until a stream is usable; a stream's
 * unanswered requests end as {@link DialbackVerifier.Outcome#ERROR} when it closes. Confined to the route's loop.
 */
final class PendingVerifies {

    private static final Logger LOG = LoggerFactory.getLogger(PendingVerifies.class);

    private record Pending(DialbackElement request, CompletableFuture<DialbackVerifier.Outcome> answer,
                           OutboundSession sentOn) { }

    private final DomainPair pair;
    private final List<Pending> pending = new ArrayList<>();

    PendingVerifies(DomainPair pair) {
        this.pair = pair;
    }

    /** Asks about {@code key} for stream {@code streamId}: now on {@code usable}, or once a stream is (when null). */
    void add(String streamId, String key, CompletableFuture<DialbackVerifier.Outcome> answer, OutboundSession usable) {
        DialbackElement request = DialbackElement.request(DialbackElement.Kind.VERIFY, pair.local(), pair.remote(),
                streamId, key);
        pending.add(new Pending(request, answer, usable));
        if (usable != null) {
            usable.sendVerify(request);
        }
    }

    /** Sends the requests still waiting for a stream on {@code usable}. */
    void sendWaiting(OutboundSession usable) {
        for (int i = 0; i < pending.size(); i++) {
            Pending waiting = pending.get(i);
            if (waiting.sentOn() == null) {
                pending.set(i, new Pending(waiting.request(), waiting.answer(), usable));
                usable.sendVerify(waiting.request());
            }
        }
    }

    /** Completes the request {@code answer} answers, if it was sent on {@code from}; otherwise ignores it. */
    void answered(OutboundSession from, DialbackElement answer) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending sent = it.next();
            if (sent.sentOn() == from && sent.request().id().equals(answer.id())
                    && InboundSession.normalised(answer.from()).equals(pair.remote())
                    && InboundSession.normalised(answer.to()).equals(pair.local())) {
                it.remove();
                sent.answer().complete(answer.isValid() ? DialbackVerifier.Outcome.VALID : DialbackVerifier.Outcome.INVALID);
                return;
            }
        }
        LOG.warn("ignoring unsolicited db:verify type={} from {} for stream {}", answer.type().orElse(""),
                answer.from(), answer.id());
    }

    /** Ends the requests sent on {@code sentOn} (all of them when null) as unanswerable. */
    void fail(OutboundSession sentOn) {
        pending.removeIf(p -> {
            if (sentOn == null || p.sentOn() == sentOn) {
                p.answer().complete(DialbackVerifier.Outcome.ERROR);
                return true;
            }
            return false;
        });
    }
}
