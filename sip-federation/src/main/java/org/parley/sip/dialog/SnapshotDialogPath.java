package org.parley.sip.dialog;

import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.sip.InvalidArgumentException;
import javax.sip.message.Request;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipOutcome;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * A dialog the stack does not know, driven from its {@link SipDialogSnapshot} (after a restart): each request is
 * built by {@link RequestFactory#inDialog} with the next CSeq and sent on a client transaction of its own.
 * Thread-safe.
 */
public final class SnapshotDialogPath implements DialogPath {

    private final RequestFactory factory;
    private SipDialogSnapshot dialog;

    /** Continues {@code dialog} from its CSeq as given (see {@link SipDialogSnapshot#resumed()} for the margin). */
    public SnapshotDialogPath(SipDialogSnapshot dialog, RequestFactory factory) {
        this.dialog = dialog;
        this.factory = factory;
    }

    @Override
    public Request createRequest(String method) throws ParseException, InvalidArgumentException {
        SipDialogSnapshot next;
        synchronized (this) {
            if (dialog.localCseq() >= SipDialogSnapshot.MAX_CSEQ) {
                throw new InvalidArgumentException("CSeq space of dialog " + dialog.callId() + " exhausted");
            }
            dialog = dialog.withLocalCseq(dialog.localCseq() + 1);
            next = dialog;
        }
        return factory.inDialog(next, method);
    }

    @Override
    public CompletionStage<SipOutcome> send(Request request, OutboundSender sender) {
        return sender.send(request, Optional.empty(), Optional.empty());
    }

    @Override
    public synchronized Optional<SipDialogSnapshot> snapshot() {
        return Optional.of(dialog);
    }

    @Override
    public synchronized void targetRefreshed(String remoteTarget) {
        dialog = dialog.withRemoteTarget(remoteTarget);
    }

    @Override
    public void established() {
        // nothing held in the stack
    }

    @Override
    public void delete() {
        // nothing held in the stack
    }
}
