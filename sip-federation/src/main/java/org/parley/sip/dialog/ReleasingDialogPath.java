package org.parley.sip.dialog;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipOutcome;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * A dialog the stack holds while it is being established, then only its values: {@link #release} (once the
 * dialog is established, RFC 6665 §4.1.2.1 for the subscriber, §4.2.1.1 for the notifier) takes the stack dialog's
 * snapshot — Call-ID, tags, remote target, route set in order (RFC 3261 §12.1) and last CSeq — deletes the stack's
 * dialog, and goes on as a {@link SnapshotDialogPath}. The stack's dialog keeps its first transaction and that
 * transaction the dialog-creating request, parsed: several kilobytes per subscription that a long-lived dialog
 * has no use for. Thread-safe.
 */
public final class ReleasingDialogPath implements DialogPath {

    private final RequestFactory factory;
    private List<String> held;
    private volatile DialogPath current;

    /**
     * @param held the dialog's ids as the caller holds them (Call-ID, tags): the released values share these
     *             instances rather than keep the stack's copies ({@link SipDialogSnapshot#compacted})
     */
    public ReleasingDialogPath(Dialog dialog, RequestFactory factory, List<String> held) {
        this.current = new LiveDialogPath(dialog);
        this.factory = factory;
        this.held = List.copyOf(held);
    }

    /**
     * Keeps only the dialog's values from now on and deletes the stack's dialog; does nothing if already released,
     * and keeps the stack's dialog while its values are incomplete (no remote tag or target yet).
     *
     * @return whether this path now runs on the dialog's values alone
     */
    public synchronized boolean release() {
        if (!(current instanceof LiveDialogPath live)) {
            return true;
        }
        Optional<SipDialogSnapshot> snapshot = live.snapshot();
        if (snapshot.isEmpty()) {
            return false;
        }
        current = new SnapshotDialogPath(snapshot.get().compacted(held), factory);
        held = List.of();
        live.delete();
        return true;
    }

    @Override
    public void established() {
        release();
    }

    /**
     * The path to hold from now on: this one while the stack's dialog is held, the values alone once released (a
     * holder of many dialogs need not keep this wrapper too).
     */
    public DialogPath settled() {
        DialogPath now = current;
        return now instanceof LiveDialogPath ? this : now;
    }

    /** Whether the stack's dialog is still held (before {@link #release}). */
    public boolean holdsStackDialog() {
        return current instanceof LiveDialogPath;
    }

    @Override
    public synchronized Request createRequest(String method)
            throws SipException, ParseException, InvalidArgumentException {
        return current.createRequest(method);
    }

    @Override
    public CompletionStage<SipOutcome> send(Request request, OutboundSender sender) {
        return current.send(request, sender);
    }

    @Override
    public Optional<SipDialogSnapshot> snapshot() {
        return current.snapshot();
    }

    @Override
    public synchronized void targetRefreshed(String remoteTarget) {
        current.targetRefreshed(remoteTarget);
    }

    @Override
    public synchronized void delete() {
        current.delete();
    }
}
