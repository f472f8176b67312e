package org.parley.sip.router;

import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.SipStackRuntime;
import org.parley.sip.transaction.RequestFactory;

/** Makes {@link TransactionResponder}s for request events. */
public final class Responders {

    private final SipStackRuntime runtime;
    private final RequestFactory factory;
    private final SipMetrics metrics;

    public Responders(SipStackRuntime runtime, RequestFactory factory, SipMetrics metrics) {
        this.runtime = runtime;
        this.factory = factory;
        this.metrics = metrics;
    }

    /** A responder for the event's server transaction; empty for retransmissions. */
    public Optional<TransactionResponder> forEvent(RequestEvent event) {
        return ServerTransactions.of(runtime.provider(), event).map(this::forTransaction);
    }

    public TransactionResponder forTransaction(ServerTransaction transaction) {
        return new TransactionResponder(runtime, factory, transaction, metrics);
    }

    /** The event's server transaction; empty for retransmissions. */
    public Optional<ServerTransaction> transaction(RequestEvent event) {
        return ServerTransactions.of(runtime.provider(), event);
    }

    /** A responder whose responses carry {@code toTag} (for the dialog the transaction creates). */
    public TransactionResponder forTransaction(ServerTransaction transaction, String toTag) {
        return new TransactionResponder(runtime, factory, transaction, metrics, toTag);
    }

    public SipMetrics metrics() {
        return metrics;
    }
}
