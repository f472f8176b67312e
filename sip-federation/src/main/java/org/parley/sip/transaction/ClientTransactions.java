package org.parley.sip.transaction;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.message.Response;
import org.parley.sip.ProvisionalResponse;
import org.parley.sip.SipOutcome;
import org.parley.sip.metrics.SipMetrics;

/**
 * The outstanding client transactions and the futures waiting for their outcome. Each ends exactly once:
 * with its final response (RFC 3261 §17.1.1.2, §17.1.2.2; provisional ones are passed on), with a timeout (Timer B/F via the stack, or an
 * earlier deadline of our own), or as a transport error. Futures are completed on the worker executor, never
 * on the stack's event thread.
 */
public final class ClientTransactions {

    private record Pending(String method, CompletableFuture<SipOutcome> future, Optional<ScheduledFuture<?>> deadline,
                           Consumer<ProvisionalResponse> provisional) {
    }

    private static final Consumer<ProvisionalResponse> IGNORE = response -> { };

    private final Map<ClientTransaction, Pending> pending = new ConcurrentHashMap<>();
    private final Executor worker;
    private final ScheduledExecutorService scheduler;
    private final SipMetrics metrics;

    public ClientTransactions(Executor worker, ScheduledExecutorService scheduler, SipMetrics metrics) {
        this.worker = worker;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    /** Starts tracking {@code transaction}; with a deadline, it ends as a timeout when that passes first. */
    public CompletionStage<SipOutcome> track(ClientTransaction transaction, String method, Optional<Duration> deadline) {
        return track(transaction, method, deadline, IGNORE);
    }

    /**
     * Starts tracking {@code transaction}, passing each provisional response to {@code provisional} on the
     * stack's event thread, in order and before the final outcome (so it must not block).
     */
    public CompletionStage<SipOutcome> track(ClientTransaction transaction, String method, Optional<Duration> deadline,
                                             Consumer<ProvisionalResponse> provisional) {
        CompletableFuture<SipOutcome> future = new CompletableFuture<>();
        Optional<ScheduledFuture<?>> timer = deadline.map(d -> scheduler.schedule(
                () -> complete(transaction, new SipOutcome.Timeout("no final response within " + d.toMillis() + " ms")),
                d.toMillis(), TimeUnit.MILLISECONDS));
        pending.put(transaction, new Pending(method, future, timer, provisional));
        return future;
    }

    /** A response from the stack: provisional ones go to the transaction's listener, a final one ends it. */
    public void onResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        Response response = event.getResponse();
        if (transaction == null) {
            return;
        }
        if (response.getStatusCode() < 200) {
            Pending entry = pending.get(transaction);
            if (entry != null) {
                entry.provisional().accept(new ProvisionalResponse(response.getStatusCode(), reason(response),
                        MessageCopy.headers(response), MessageCopy.body(response)));
            }
            return;
        }
        complete(transaction, new SipOutcome.FinalResponse(response.getStatusCode(),
                reason(response), MessageCopy.headers(response), MessageCopy.body(response)));
    }

    private static String reason(Response response) {
        return response.getReasonPhrase() == null ? "" : response.getReasonPhrase();
    }

    /** The stack's transaction timer fired (Timer B or F). */
    public void onTimeout(ClientTransaction transaction) {
        complete(transaction, new SipOutcome.Timeout("transaction timeout (RFC 3261 Timer B/F)"));
    }

    /** Ends one transaction with {@code outcome}, if it is still outstanding. */
    public void complete(ClientTransaction transaction, SipOutcome outcome) {
        Pending entry = pending.remove(transaction);
        if (entry == null) {
            return;
        }
        entry.deadline().ifPresent(timer -> timer.cancel(false));
        metrics.outbound(entry.method(), outcome);
        try {
            worker.execute(() -> entry.future().complete(outcome));
        } catch (RejectedExecutionException e) {
            entry.future().complete(outcome);
        }
    }

    /** Ends every outstanding transaction as a transport error (the edge connection was lost). */
    public void failAll(String reason) {
        for (ClientTransaction transaction : pending.keySet()) {
            complete(transaction, new SipOutcome.TransportError(reason));
        }
    }

    /** How many transactions are outstanding. */
    public int size() {
        return pending.size();
    }
}
