package org.parley.gateway.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;

/**
 * Messages the gateway sent to XMPP for a SIP MESSAGE whose transaction is still open: each waits at most the
 * bounded wait for its fate, which ends it exactly once — an error stanza about it (a local bounce or the remote
 * server's error, RFC 6120 §8.3), a XEP-0184 receipt, or the end of the wait. Matched by stanza id, and only when
 * the error or receipt comes from the message's recipient to its sender (bare JIDs), so another domain cannot end
 * someone else's wait. Answers run on the given executor, never on the timer thread or an event loop. Thread-safe.
 */
public final class PendingDeliveries {

    /** How a wait ended. */
    public sealed interface Fate {
        /** An error came back for the message. */
        record Bounced(StanzaError error) implements Fate {
        }

        /** The recipient's client acknowledged the message (XEP-0184 {@code <received/>}). */
        record Acknowledged() implements Fate {
        }

        /** Nothing arrived within the wait (or the gateway is stopping). */
        record Unanswered() implements Fate {
        }
    }

    private static final class Waiting {
        private final Stanza sent;
        private final Consumer<Fate> answer;
        private volatile Future<?> timer;

        Waiting(Stanza sent, Consumer<Fate> answer) {
            this.sent = sent;
            this.answer = answer;
        }
    }

    private final Map<String, Waiting> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Executor answers;
    private final Duration wait;

    /**
     * @param timer   schedules the end of each wait
     * @param answers runs the answers
     * @param wait    the bounded wait
     */
    public PendingDeliveries(ScheduledExecutorService timer, Executor answers, Duration wait) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /**
     * Starts waiting for {@code sent} (call before sending it, so a fast bounce is not missed). {@code false},
     * and nothing registered, when a message with the same id is already waiting.
     */
    public boolean await(Stanza sent, Consumer<Fate> answer) {
        if (sent.id().isEmpty()) {
            throw new IllegalArgumentException("a message awaited for its fate needs an id");
        }
        Waiting waiting = new Waiting(sent, answer);
        if (byId.putIfAbsent(sent.id(), waiting) != null) {
            return false;
        }
        try {
            waiting.timer = timer.schedule(() -> end(sent.id(), waiting, new Fate.Unanswered()), wait.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            end(sent.id(), waiting, new Fate.Unanswered());
        }
        return true;
    }

    /** Stops waiting for {@code sent} without an answer (it could not be sent; the caller answers). */
    public void forget(Stanza sent) {
        Waiting waiting = byId.get(sent.id());
        if (waiting != null && waiting.sent == sent && byId.remove(sent.id(), waiting)) {
            cancelTimer(waiting);
        }
    }

    /** An error stanza from XMPP; whether it ended a wait. */
    public boolean errorArrived(Stanza error) {
        Waiting waiting = byId.get(error.id());
        if (waiting == null || !fromRecipient(waiting.sent, error.from(), error.to())) {
            return false;
        }
        StanzaError reason = StanzaError.from(error.element())
                .orElse(StanzaError.of(org.parley.mapper.error.StanzaErrorCondition.UNDEFINED_CONDITION));
        return end(error.id(), waiting, new Fate.Bounced(reason));
    }

    /** A XEP-0184 receipt for the message with id {@code receiptFor}; whether it ended a wait. */
    public boolean receiptArrived(Jid from, Jid to, String receiptFor) {
        Waiting waiting = byId.get(receiptFor);
        if (waiting == null || !fromRecipient(waiting.sent, from, to)) {
            return false;
        }
        return end(receiptFor, waiting, new Fate.Acknowledged());
    }

    /** Ends every wait as {@link Fate.Unanswered} (the gateway is stopping); returns how many. */
    public int endAll() {
        List<String> ids = new ArrayList<>(byId.keySet());
        int ended = 0;
        for (String id : ids) {
            Waiting waiting = byId.get(id);
            if (waiting != null && end(id, waiting, new Fate.Unanswered())) {
                ended++;
            }
        }
        return ended;
    }

    /** How many messages are waiting. */
    public int size() {
        return byId.size();
    }

    private boolean end(String id, Waiting waiting, Fate fate) {
        if (!byId.remove(id, waiting)) {
            return false;
        }
        cancelTimer(waiting);
        try {
            answers.execute(() -> waiting.answer.accept(fate));
        } catch (RejectedExecutionException stopping) {
            waiting.answer.accept(fate);
        }
        return true;
    }

    private static void cancelTimer(Waiting waiting) {
        Future<?> scheduled = waiting.timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private static boolean fromRecipient(Stanza sent, Jid from, Jid to) {
        return from.bare().equals(sent.to().bare()) && to.bare().equals(sent.from().bare());
    }
}
