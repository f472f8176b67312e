package org.parley.sip.router;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import org.parley.sip.transaction.ClientTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's only {@link SipListener}. It dispatches and does nothing else: requests by method to small
 * handlers (unknown methods to the refusing handler), responses and timeouts to the client transactions,
 * dialog ends to a listener. Every callback is guarded: one bad message is logged and dropped, and cannot
 * wedge the stack's single event thread. Handlers hand any slow work to worker threads.
 */
public final class SipEventRouter implements SipListener {

    /** The methods the gateway accepts (Allow, RFC 3261 §20.5). */
    public static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE, SUBSCRIBE, NOTIFY";

    private static final Logger LOG = LoggerFactory.getLogger(SipEventRouter.class);

    private final Map<String, RequestHandler> handlers;
    private final RequestHandler fallback;
    private final ClientTransactions transactions;
    private final Consumer<javax.sip.Dialog> dialogEnded;

    public SipEventRouter(Map<String, RequestHandler> handlers, RequestHandler fallback,
                          ClientTransactions transactions, Consumer<javax.sip.Dialog> dialogEnded) {
        this.handlers = Map.copyOf(handlers);
        this.fallback = fallback;
        this.transactions = transactions;
        this.dialogEnded = dialogEnded;
    }

    @Override
    public void processRequest(RequestEvent event) {
        guard("request", () -> handlers.getOrDefault(event.getRequest().getMethod().toUpperCase(Locale.ROOT),
                fallback).handle(event));
    }

    @Override
    public void processResponse(ResponseEvent event) {
        guard("response", () -> transactions.onResponse(event));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        guard("timeout", () -> {
            ClientTransaction transaction = event.getClientTransaction();
            if (!event.isServerTransaction() && transaction != null) {
                transactions.onTimeout(transaction);
            }
        });
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        guard("I/O error", () -> LOG.debug("stack I/O error toward {}:{}/{}", event.getHost(), event.getPort(),
                event.getTransport()));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Outcomes are taken from responses, timeouts and the edge link; nothing to do here.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        guard("dialog end", () -> dialogEnded.accept(event.getDialog()));
    }

    private static void guard(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("dropped a SIP {} that could not be handled: {}", what, e.toString(), e);
        }
    }
}
