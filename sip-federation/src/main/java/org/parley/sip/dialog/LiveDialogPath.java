package org.parley.sip.dialog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipOutcome;
import org.parley.sip.transaction.MessageCopy;
import org.parley.sip.transaction.OutboundSender;

/**
 * A dialog the stack holds: requests come from {@link Dialog#createRequest} (the stack keeps CSeq, route set and
 * remote target, RFC 3261 §12.2.1.1) and are sent in it.
 */
public final class LiveDialogPath implements DialogPath {

    private final Dialog dialog;

    public LiveDialogPath(Dialog dialog) {
        this.dialog = dialog;
    }

    @Override
    public Request createRequest(String method) throws SipException {
        return dialog.createRequest(method);
    }

    @Override
    public CompletionStage<SipOutcome> send(Request request, OutboundSender sender) {
        return sender.send(request, Optional.of(dialog), Optional.empty());
    }

    @Override
    public Optional<SipDialogSnapshot> snapshot() {
        Address target = dialog.getRemoteTarget();
        if (dialog.getCallId() == null || dialog.getLocalTag() == null || dialog.getRemoteTag() == null
                || target == null || dialog.getLocalParty() == null || dialog.getRemoteParty() == null) {
            return Optional.empty();
        }
        List<String> routes = new ArrayList<>();
        for (Iterator<?> it = dialog.getRouteSet(); it != null && it.hasNext(); ) {
            routes.add(MessageCopy.value((Header) it.next()));
        }
        return Optional.of(new SipDialogSnapshot(dialog.getCallId().getCallId(),
                dialog.getLocalParty().getURI().toString(), dialog.getLocalTag(),
                dialog.getRemoteParty().getURI().toString(), dialog.getRemoteTag(), target.getURI().toString(),
                routes, Math.max(0, Math.min(SipDialogSnapshot.MAX_CSEQ, dialog.getLocalSeqNumber()))));
    }

    @Override
    public void targetRefreshed(String remoteTarget) {
        // the stack updates the remote target of dialogs it holds
    }

    @Override
    public void established() {
        // stays with the stack: see ReleasingDialogPath for one that lets it go
    }

    @Override
    public void delete() {
        dialog.delete();
    }
}
