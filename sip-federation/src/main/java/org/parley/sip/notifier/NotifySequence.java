package org.parley.sip.notifier;

import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.dialog.DialogPath;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * Sends the NOTIFYs of one subscription dialog in order, one at a time (RFC 6665 §4.2.2): a notice offered
 * while a NOTIFY is outstanding waits, replacing any older waiting one (only the latest state matters); the
 * final one ({@code terminated}) is never replaced and nothing follows it. Each NOTIFY carries Event,
 * Subscription-State (with the remaining duration while the subscription lasts), the gateway's Contact
 * (NOTIFY is a target refresh request, RFC 6665 §4.2.2) and the body. A failure that ends the dialog usage
 * (RFC 5057 §5.1) drops what waits and is reported once; the dialog is deleted after the final NOTIFY.
 */
final class NotifySequence {

    /** Final statuses to a NOTIFY that end the subscription (RFC 5057 §5.1; 481 per RFC 6665 §4.1.3). */
    private static final Set<Integer> ENDS_USAGE = Set.of(404, 405, 408, 410, 416, 480, 481, 482, 483, 484, 485,
            489, 501, 604);

    /** One NOTIFY: a substate with its body, or the final {@code terminated} with a reason. */
    record Notice(String substate, Optional<String> reason, Optional<SipBody> body) {
        static Notice state(String substate, Optional<SipBody> body) {
            return new Notice(substate, Optional.empty(), body);
        }

        static Notice terminated(String reason, Optional<SipBody> body) {
            return new Notice("terminated", Optional.of(reason), body);
        }

        boolean last() {
            return reason.isPresent();
        }

        String header(Duration remaining) {
            return reason.map(r -> "terminated;reason=" + r)
                    .orElseGet(() -> substate + ";expires=" + Math.max(0, remaining.toSeconds()));
        }
    }

    private final DialogPath dialog;
    private final String event;
    private final RequestFactory factory;
    private final OutboundSender sender;
    private final Supplier<Duration> remaining;
    private final Consumer<SipOutcome> failed;
    private boolean inFlight;
    private boolean closed;
    private Notice waiting;

    NotifySequence(DialogPath dialog, String event, RequestFactory factory, OutboundSender sender,
                   Supplier<Duration> remaining, Consumer<SipOutcome> failed) {
        this.dialog = dialog;
        this.event = event;
        this.factory = factory;
        this.sender = sender;
        this.remaining = remaining;
        this.failed = failed;
    }

    /** Sends {@code notice} now, or after the outstanding NOTIFY; ignored after the final one. */
    void offer(Notice notice) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = notice.last();
            if (inFlight) {
                waiting = notice;
                return;
            }
            inFlight = true;
        }
        send(notice);
    }

    /** Sends nothing more and deletes the dialog (after a failure, or when no NOTIFY was ever sent). */
    void abandon() {
        synchronized (this) {
            closed = true;
            waiting = null;
        }
        dialog.delete();
    }

    /** The dialog the NOTIFYs go in. */
    DialogPath dialog() {
        return dialog;
    }

    /** Whether a NOTIFY's outcome ends the subscription (RFC 5057 §5.1). */
    static boolean endsUsage(SipOutcome outcome) {
        if (outcome instanceof SipOutcome.FinalResponse response) {
            return ENDS_USAGE.contains(response.status());
        }
        return true;
    }

    private void send(Notice notice) {
        Request request;
        try {
            request = build(notice);
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            done(notice, new SipOutcome.Invalid("cannot build NOTIFY: " + e.getMessage()));
            return;
        }
        dialog.send(request, sender).thenAccept(outcome -> done(notice, outcome));
    }

    private Request build(Notice notice) throws SipException, ParseException, InvalidArgumentException {
        Request request = dialog.createRequest(Request.NOTIFY);
        request.setHeader(factory.contact());
        for (SipHeader header : new SipHeader[] {new SipHeader("Event", event),
                new SipHeader("Subscription-State", notice.header(remaining.get()))}) {
            for (javax.sip.header.Header field : factory.stackHeaders(header)) {
                request.setHeader(field);
            }
        }
        if (notice.body().isPresent()) {
            factory.setBody(request, notice.body().get());
        }
        return request;
    }

    private void done(Notice notice, SipOutcome outcome) {
        if (notice.last()) {
            dialog.delete();
            return;
        }
        if (endsUsage(outcome)) {
            abandon();
            failed.accept(outcome);
            return;
        }
        Notice next;
        synchronized (this) {
            next = waiting;
            waiting = null;
            inFlight = next != null;
        }
        if (next != null) {
            send(next);
        }
    }
}
