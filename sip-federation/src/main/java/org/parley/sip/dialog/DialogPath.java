package org.parley.sip.dialog;

import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipOutcome;
import org.parley.sip.transaction.OutboundSender;

/**
 * How requests within one dialog are made and sent (RFC 3261 §12.2.1.1), whether the stack knows the dialog
 * ({@link LiveDialogPath}) or only its stored values do ({@link SnapshotDialogPath}, after a restart).
 */
public interface DialogPath {

    /** A request of {@code method} in the dialog, with the next CSeq; the caller adds Contact, Event and body. */
    Request createRequest(String method) throws SipException, ParseException, InvalidArgumentException;

    /** Sends a request made by {@link #createRequest} through {@code sender}. */
    CompletionStage<SipOutcome> send(Request request, OutboundSender sender);

    /** The dialog's values now; empty while they are incomplete (no remote tag or target yet). */
    Optional<SipDialogSnapshot> snapshot();

    /** The peer's new Contact URI from a target refresh request (RFC 6665 §4.1.2.2, §4.2.2). */
    void targetRefreshed(String remoteTarget);

    /**
     * The dialog is established (the subscriber's first 2xx received, RFC 6665 §4.1.2.1; the notifier's 2xx sent,
     * §4.2.1.1): what only its establishment needed may be dropped (see {@link ReleasingDialogPath}).
     */
    void established();

    /** Releases the dialog: nothing more is sent in it. */
    void delete();
}
