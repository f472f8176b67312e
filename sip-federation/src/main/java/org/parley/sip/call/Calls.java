package org.parley.sip.call;

import java.text.ParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import org.parley.sip.CallEvent;
import org.parley.sip.CallKey;
import org.parley.sip.CallOutcome;
import org.parley.sip.OutboundRequest;
import org.parley.sip.OutgoingCall;
import org.parley.sip.ProvisionalResponse;
import org.parley.sip.SipCalls;
import org.parley.sip.SipInbound;
import org.parley.sip.SipOutcome;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls of the gateway: {@link SipCalls} toward the edge, and the {@link CallRequests} handler for
 * INVITE, ACK, BYE and CANCEL from it, sharing one {@link CallTable}. Events go to {@link SipInbound#onCall} on
 * worker threads.
 */
public final class Calls implements SipCalls {

    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private final CallServices services;

    public Calls(SipProvider provider, RequestFactory factory, OutboundSender sender,
                 ScheduledExecutorService scheduler, Executor worker, SipInbound inbound) {
        Executor safe = task -> {
            try {
                worker.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
        Consumer<CallEvent> events = event -> safe.execute(() -> {
            try {
                inbound.onCall(event);
            } catch (RuntimeException e) {
                LOG.warn("the application failed on {}", event, e);
            }
        });
        this.services = new CallServices(provider, factory, sender, scheduler, safe, events, new CallTable());
    }

    @Override
    public OutgoingCall invite(OutboundRequest invite, Consumer<ProvisionalResponse> progress) {
        if (!Request.INVITE.equals(invite.method())) {
            throw new IllegalArgumentException("not an INVITE: " + invite.method());
        }
        try {
            Request request = services.factory().build(invite);
            ClientTransaction transaction = services.provider().getNewClientTransaction(request);
            Dialog dialog = services.provider().getNewDialog(transaction);
            CallKey id = new CallKey(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                    ((FromHeader) request.getHeader(FromHeader.NAME)).getTag());
            OutgoingInvite call = new OutgoingInvite(id, transaction, dialog, services, progress);
            call.start();
            return call;
        } catch (ParseException | InvalidArgumentException | SipException e) {
            return new Unsent(new SipOutcome.Invalid("cannot build INVITE: " + e.getMessage()));
        }
    }

    /** The handler for INVITE, ACK, BYE and CANCEL from the edge. */
    public CallRequests requests(org.parley.sip.router.Responders responders) {
        return new CallRequests(services, responders);
    }

    /** An INVITE that could not be sent. */
    private record Unsent(SipOutcome reason) implements OutgoingCall {
        @Override
        public CallKey id() {
            return new CallKey("unsent", "unsent");
        }

        @Override
        public CompletionStage<CallOutcome> outcome() {
            return CompletableFuture.completedFuture(new CallOutcome.NotAnswered(reason));
        }

        @Override
        public boolean cancel() {
            return false;
        }
    }
}
