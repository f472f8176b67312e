package org.parley.sip.call;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.Dialog;
import org.parley.sip.CallEvent;
import org.parley.sip.CallKey;
import org.parley.sip.IncomingCall;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipResponder;

/**
 * An INVITE from the edge (RFC 3261 §13.3) through its life: offered to the application, answered (waiting
 * for the ACK, §13.3.1.4), established, or done (refused, cancelled, ended). State changes under the
 * instance's lock.
 */
final class IncomingInvite implements IncomingCall, CallLeg {

    /** How long the ACK of a 2xx may take: 64·T1 (RFC 3261 §13.3.1.4). */
    static final Duration ACK_WAIT = Duration.ofSeconds(32);

    private enum Phase { OFFERED, ANSWERED, ESTABLISHED, DONE }

    private final CallKey id;
    private final String branch;
    private final SipResponder responder;
    private final Dialog dialog;
    private final DialogCall call;
    private final CallServices services;
    private Phase phase = Phase.OFFERED;
    private ScheduledFuture<?> ackTimer;

    IncomingInvite(CallKey id, String branch, SipResponder responder, Dialog dialog, CallServices services) {
        this.id = id;
        this.branch = branch;
        this.responder = responder;
        this.dialog = dialog;
        this.services = services;
        this.call = new DialogCall(id, dialog, services);
    }

    @Override
    public CallKey id() {
        return id;
    }

    @Override
    public synchronized boolean progress(int status, Optional<SipBody> body) {
        if (status <= 100 || status > 199) {
            throw new IllegalArgumentException("not a provisional status to send: " + status);
        }
        return phase == Phase.OFFERED && responder.respond(status, List.of(), body);
    }

    @Override
    public synchronized boolean answer(SipBody sdp, List<SipHeader> headers) {
        if (phase != Phase.OFFERED) {
            return false;
        }
        services.table().removeInvite(id.callId(), branch);
        if (!responder.respond(200, headers, Optional.of(sdp))) {
            finish();
            return false;
        }
        phase = Phase.ANSWERED;
        ackTimer = services.scheduler().schedule(this::noAck, ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    @Override
    public synchronized boolean reject(int status) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a refusal: " + status);
        }
        if (phase != Phase.OFFERED) {
            return false;
        }
        responder.respond(status);
        finish();
        return true;
    }

    @Override
    public CompletionStage<SipOutcome> hangUp() {
        synchronized (this) {
            if (phase != Phase.ANSWERED && phase != Phase.ESTABLISHED) {
                return CompletableFuture.completedFuture(new SipOutcome.Invalid("the call is not answered"));
            }
            cancelAckTimer();
            phase = Phase.DONE;
        }
        return call.hangUp();
    }

    /** A CANCEL matched this INVITE (RFC 3261 §9.2): 487 if still unanswered. */
    synchronized void cancelled() {
        if (phase != Phase.OFFERED) {
            return;
        }
        responder.respond(487);
        finish();
        services.events().accept(new CallEvent.Ended(id, CallEvent.EndReason.CANCELLED));
    }

    @Override
    public synchronized void ack() {
        if (phase == Phase.ANSWERED) {
            cancelAckTimer();
            phase = Phase.ESTABLISHED;
            services.events().accept(new CallEvent.Established(id));
        }
    }

    @Override
    public synchronized void bye(SipResponder byeResponder) {
        if (phase == Phase.OFFERED) {
            byeResponder.respond(200);
            responder.respond(487);
            finish();
            services.events().accept(new CallEvent.Ended(id, CallEvent.EndReason.BYE));
            return;
        }
        cancelAckTimer();
        phase = Phase.DONE;
        call.bye(byeResponder);
    }

    private void noAck() {
        synchronized (this) {
            if (phase != Phase.ANSWERED) {
                return;
            }
            phase = Phase.DONE;
        }
        call.hangUp();
        services.events().accept(new CallEvent.Ended(id, CallEvent.EndReason.NO_ACK));
    }

    private void finish() {
        phase = Phase.DONE;
        services.table().removeInvite(id.callId(), branch);
        services.table().remove(id);
        dialog.delete();
    }

    private void cancelAckTimer() {
        if (ackTimer != null) {
            ackTimer.cancel(false);
        }
    }
}
