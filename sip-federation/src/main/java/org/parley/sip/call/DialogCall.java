package org.parley.sip.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.parley.sip.CallEvent;
import org.parley.sip.CallKey;
import org.parley.sip.SipCall;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipResponder;

/** An established call's dialog: BYE sent (RFC 3261 §15.1.1) or received (§15.1.2), whichever comes first. */
final class DialogCall implements SipCall, CallLeg {

    private final CallKey id;
    private final Dialog dialog;
    private final CallServices services;
    private final AtomicBoolean ended = new AtomicBoolean();

    DialogCall(CallKey id, Dialog dialog, CallServices services) {
        this.id = id;
        this.dialog = dialog;
        this.services = services;
    }

    @Override
    public CallKey id() {
        return id;
    }

    @Override
    public CompletionStage<SipOutcome> hangUp() {
        if (!ended.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(new SipOutcome.Invalid("the call has ended"));
        }
        services.table().remove(id);
        try {
            Request bye = dialog.createRequest(Request.BYE);
            return services.sender().send(bye, Optional.of(dialog), Optional.empty());
        } catch (SipException | RuntimeException e) {
            dialog.delete();
            return CompletableFuture.completedFuture(new SipOutcome.Invalid("cannot send BYE: " + e.getMessage()));
        }
    }

    @Override
    public void ack() {
        // the ACK of an outgoing call's 2xx is ours to send, not to receive
    }

    @Override
    public void bye(SipResponder responder) {
        responder.respond(200);
        if (ended.compareAndSet(false, true)) {
            services.table().remove(id);
            services.events().accept(new CallEvent.Ended(id, CallEvent.EndReason.BYE));
        }
    }
}
