package org.parley.sip.call;

import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.parley.sip.CallEvent;
import org.parley.sip.CallKey;
import org.parley.sip.InboundRequest;
import org.parley.sip.router.RequestHandler;
import org.parley.sip.router.Responders;
import org.parley.sip.router.TransactionResponder;
import org.parley.sip.transaction.MessageCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE, ACK, BYE and CANCEL from the edge (RFC 3261 §9.2, §13.3, §15.1.2). A new INVITE gets 100 Trying, a
 * dialog and an {@link IncomingInvite} offered to the application; a re-INVITE gets 488 (session changes are
 * not supported yet, §14.2); an ACK or BYE goes to its call by Call-ID and the gateway's tag (481 for a BYE
 * without one); a CANCEL gets 200 and cancels its INVITE, matched by Call-ID and top Via branch (481 if none).
 * Runs on the stack's event thread; answers that may block are sent from workers.
 */
public final class CallRequests implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallRequests.class);

    private final CallServices services;
    private final Responders responders;

    CallRequests(CallServices services, Responders responders) {
        this.services = services;
        this.responders = responders;
    }

    @Override
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        String callId = MessageCopy.callId(request);
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        switch (request.getMethod()) {
            case Request.ACK -> {
                if (toTag != null) {
                    services.table().leg(new CallKey(callId, toTag)).ifPresent(CallLeg::ack);
                }
            }
            case Request.BYE -> responders.forEvent(event).ifPresent(responder -> {
                Optional<CallLeg> leg = toTag == null ? Optional.empty()
                        : services.table().leg(new CallKey(callId, toTag));
                services.worker().execute(() -> leg.ifPresentOrElse(l -> l.bye(responder), () -> responder.respond(481)));
            });
            case Request.CANCEL -> responders.forEvent(event).ifPresent(responder -> {
                Optional<IncomingInvite> invite = services.table().invite(callId, branch(request));
                services.worker().execute(() -> {
                    responder.respond(invite.isPresent() ? 200 : 481);
                    invite.ifPresent(IncomingInvite::cancelled);
                });
            });
            default -> invite(event, request, callId, toTag);
        }
    }

    private void invite(RequestEvent event, Request request, String callId, String toTag) {
        if (toTag != null) {
            responders.forEvent(event).ifPresent(responder -> services.worker().execute(() -> responder.respond(488)));
            return;
        }
        Optional<ServerTransaction> transaction = responders.transaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        String tag = TransactionResponder.newTag();
        TransactionResponder responder = responders.forTransaction(transaction.get(), tag);
        Dialog dialog;
        try {
            dialog = services.provider().getNewDialog(transaction.get());
        } catch (SipException | RuntimeException e) {
            LOG.warn("no dialog for INVITE {}: {}", callId, e.toString());
            services.worker().execute(() -> responder.respond(500));
            return;
        }
        responder.respond(100);
        CallKey id = new CallKey(callId, tag);
        String branch = branch(request);
        IncomingInvite call = new IncomingInvite(id, branch, responder, dialog, services);
        services.table().add(id, call);
        services.table().addInvite(callId, branch, call);
        InboundRequest copy = MessageCopy.request(request);
        services.events().accept(new CallEvent.Offered(id, copy, call));
    }

    private static String branch(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getBranch() == null ? "" : via.getBranch();
    }
}
