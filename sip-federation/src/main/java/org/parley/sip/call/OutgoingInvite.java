package org.parley.sip.call;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import org.parley.sip.CallKey;
import org.parley.sip.CallOutcome;
import org.parley.sip.OutgoingCall;
import org.parley.sip.ProvisionalResponse;
import org.parley.sip.SipOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An INVITE the gateway sent, in its dialog (RFC 3261 §13.2): provisional responses passed on in order, the
 * ACK for a 2xx sent from the dialog (§13.2.2.4), a CANCEL held until the first provisional response (§9.1).
 * The application's callbacks run on workers, one after another through {@link #delivery}.
 */
final class OutgoingInvite implements OutgoingCall {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingInvite.class);

    private final CallKey id;
    private final ClientTransaction transaction;
    private final Dialog dialog;
    private final CallServices services;
    private final Consumer<ProvisionalResponse> progress;
    private final CompletableFuture<CallOutcome> outcome = new CompletableFuture<>();
    private CompletableFuture<Void> delivery = CompletableFuture.completedFuture(null);
    private boolean provisionalSeen;
    private boolean cancelRequested;
    private boolean finalSeen;

    OutgoingInvite(CallKey id, ClientTransaction transaction, Dialog dialog, CallServices services,
                   Consumer<ProvisionalResponse> progress) {
        this.id = id;
        this.transaction = transaction;
        this.dialog = dialog;
        this.services = services;
        this.progress = progress;
    }

    /** Sends the INVITE. */
    void start() {
        services.sender().send(transaction, Optional.empty(), Optional.empty(), this::provisional)
                .thenAccept(this::finished);
    }

    @Override
    public CallKey id() {
        return id;
    }

    @Override
    public CompletionStage<CallOutcome> outcome() {
        return outcome;
    }

    @Override
    public synchronized boolean cancel() {
        if (finalSeen || cancelRequested) {
            return false;
        }
        cancelRequested = true;
        if (provisionalSeen) {
            sendCancel();
        }
        return true;
    }

    /** On the stack's event thread, in order. */
    private synchronized void provisional(ProvisionalResponse response) {
        if (!provisionalSeen && cancelRequested && !finalSeen) {
            sendCancel();
        }
        provisionalSeen = true;
        deliver(() -> progress.accept(response));
    }

    private void finished(SipOutcome result) {
        CallOutcome call;
        synchronized (this) {
            finalSeen = true;
            if (result instanceof SipOutcome.FinalResponse response && response.isSuccess()) {
                sendAck();
                DialogCall answered = new DialogCall(id, dialog, services);
                if (cancelRequested) {
                    answered.hangUp();
                    call = new CallOutcome.NotAnswered(result);
                } else {
                    services.table().add(id, answered);
                    call = new CallOutcome.Answered(answered, response);
                }
            } else {
                dialog.delete();
                call = new CallOutcome.NotAnswered(result);
            }
        }
        deliver(() -> outcome.complete(call));
    }

    private void sendAck() {
        try {
            long cseq = ((CSeqHeader) transaction.getRequest().getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.warn("cannot acknowledge the 2xx of call {}: {}", id.callId(), e.toString());
        }
    }

    private void sendCancel() {
        try {
            Request cancel = transaction.createCancel();
            ClientTransaction cancelling = services.provider().getNewClientTransaction(cancel);
            services.sender().send(cancelling, Optional.empty(), Optional.empty()).thenAccept(result ->
                    LOG.debug("CANCEL of call {} ended: {}", id.callId(), result));
        } catch (SipException | RuntimeException e) {
            LOG.warn("cannot cancel call {}: {}", id.callId(), e.toString());
        }
    }

    private synchronized void deliver(Runnable action) {
        delivery = delivery.thenRunAsync(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("the application failed on call {}", id.callId(), e);
            }
        }, services.worker());
    }
}
