package org.parley.sip.router;

import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Obtains the server transaction of a request event, creating it when the stack has not (RFC 3261 §17.2). */
final class ServerTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTransactions.class);

    private ServerTransactions() {
    }

    /** Empty for a retransmission the stack already handles, or when the stack refuses a transaction. */
    static Optional<ServerTransaction> of(SipProvider provider, RequestEvent event) {
        ServerTransaction existing = event.getServerTransaction();
        if (existing != null) {
            return Optional.of(existing);
        }
        try {
            return Optional.of(provider.getNewServerTransaction(event.getRequest()));
        } catch (TransactionAlreadyExistsException e) {
            return Optional.empty();
        } catch (SipException | RuntimeException e) {
            LOG.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.toString());
            return Optional.empty();
        }
    }
}
