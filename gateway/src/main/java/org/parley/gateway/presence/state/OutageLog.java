package org.parley.gateway.presence.state;

import org.slf4j.Logger;

/**
 * Logs store failures once per outage: an error when writing starts failing, debug lines while it goes on, and
 * a single info line with the count of failed batches when a write succeeds again. Used by the writer thread
 * only.
 */
final class OutageLog {

    private final Logger log;
    private long failedBatches;

    OutageLog(Logger log) {
        this.log = log;
    }

    void failed(RuntimeException failure, int changes) {
        failedBatches++;
        if (failedBatches == 1) {
            log.error("Presence state cannot be written to the store; changes are not durable and their callers"
                    + " are told so until it recovers: {}", failure.getMessage(), failure);
        } else {
            log.debug("Presence state still cannot be written ({} changes failed): {}", changes, failure.getMessage());
        }
    }

    void succeeded() {
        if (failedBatches > 0) {
            log.info("Presence state is written to the store again, after {} failed batches", failedBatches);
            failedBatches = 0;
        }
    }
}
