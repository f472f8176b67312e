package org.parley.sip.transaction;

import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.parley.sip.OutboundRequest;
import org.parley.sip.ProvisionalResponse;
import org.parley.sip.SipOutbound;
import org.parley.sip.SipOutcome;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.SipStackRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SipOutbound} over the stack: builds the request, creates its client transaction and sends it on a
 * sender thread (connecting and the TLS handshake block), so callers (Netty event loops) never block. Requests
 * of one sender (its From address of record) are transmitted one at a time in the order they were handed over,
 * so the several sender threads add no reordering (RFC 3428 MESSAGEs of one user, RFC 6120 §10.1 for what came
 * from XMPP); other senders go on in parallel. While the edge is down, requests end at once as transport errors;
 * a send that fails synchronously (connect refused, handshake refused) ends as a transport error as well.
 */
public final class OutboundSender implements SipOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);

    private final SipStackRuntime runtime;
    private final RequestFactory factory;
    private final ClientTransactions transactions;
    private final KeyedLanes<String> sender;
    private final BooleanSupplier edgeAdmits;
    private final SipMetrics metrics;

    /**
     * @param sender the sender threads, one lane per From address of record (bounded: a full one ends the request
     *               as a transport error)
     */
    public OutboundSender(SipStackRuntime runtime, RequestFactory factory, ClientTransactions transactions,
                          KeyedLanes<String> sender, BooleanSupplier edgeAdmits, SipMetrics metrics) {
        this.runtime = runtime;
        this.factory = factory;
        this.transactions = transactions;
        this.sender = sender;
        this.edgeAdmits = edgeAdmits;
        this.metrics = metrics;
    }

    @Override
    public CompletionStage<SipOutcome> send(OutboundRequest request) {
        return send(request, Optional.empty(), true);
    }

    /** Sends with an optional deadline shorter than the RFC 3261 timers; {@code gate} false for probes. */
    public CompletionStage<SipOutcome> send(OutboundRequest request, Optional<Duration> deadline, boolean gate) {
        if (gate && !edgeAdmits.getAsBoolean()) {
            SipOutcome down = new SipOutcome.TransportError("the Access Edge is down");
            metrics.outbound(request.method(), down);
            return CompletableFuture.completedFuture(down);
        }
        Request built;
        try {
            built = factory.build(request);
        } catch (ParseException | InvalidArgumentException e) {
            SipOutcome invalid = new SipOutcome.Invalid(e.getMessage());
            metrics.outbound(request.method(), invalid);
            return CompletableFuture.completedFuture(invalid);
        }
        return send(built, Optional.empty(), deadline);
    }

    /**
     * Sends a built request, in {@code dialog} if given (RFC 3261 §12.2.1.1), and tracks its outcome.
     */
    public CompletionStage<SipOutcome> send(Request request, Optional<Dialog> dialog, Optional<Duration> deadline) {
        ClientTransaction transaction;
        try {
            transaction = runtime.provider().getNewClientTransaction(request);
        } catch (SipException e) {
            SipOutcome error = new SipOutcome.TransportError("no client transaction: " + e.getMessage());
            metrics.outbound(request.getMethod(), error);
            return CompletableFuture.completedFuture(error);
        }
        return send(transaction, dialog, deadline);
    }

    /** Sends on an existing client transaction (for dialogs created from it before sending). */
    public CompletionStage<SipOutcome> send(ClientTransaction transaction, Optional<Dialog> dialog,
                                            Optional<Duration> deadline) {
        return send(transaction, dialog, deadline, response -> { });
    }

    /**
     * Sends on an existing client transaction, passing its provisional responses to {@code provisional} (on the
     * stack's event thread, before the outcome; it must not block).
     */
    public CompletionStage<SipOutcome> send(ClientTransaction transaction, Optional<Dialog> dialog,
                                            Optional<Duration> deadline,
                                            Consumer<ProvisionalResponse> provisional) {
        String method = transaction.getRequest().getMethod();
        CompletionStage<SipOutcome> outcome = transactions.track(transaction, method, deadline, provisional);
        try {
            sender.execute(MessageCopy.sender(transaction.getRequest()), () -> transmit(transaction, dialog));
        } catch (RejectedExecutionException e) {
            transactions.complete(transaction, new SipOutcome.TransportError("send queue full"));
        }
        return outcome;
    }

    private void transmit(ClientTransaction transaction, Optional<Dialog> dialog) {
        try {
            if (dialog.isPresent()) {
                dialog.get().sendRequest(transaction);
            } else {
                transaction.sendRequest();
            }
        } catch (SipException | RuntimeException e) {
            LOG.debug("sending {} failed: {}", transaction.getRequest().getMethod(), e.toString());
            transactions.complete(transaction, new SipOutcome.TransportError(rootMessage(e)));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
