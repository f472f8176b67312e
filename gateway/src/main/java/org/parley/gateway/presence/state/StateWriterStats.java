package org.parley.gateway.presence.state;

/**
 * Counters of a {@link StateWriter} since it started, e.g. for metrics.
 *
 * @param committedBatches transactions committed
 * @param writtenChanges   changes written in them
 * @param coalescedChanges changes that replaced a change still waiting for the same key
 * @param failedBatches    transactions that failed (their changes' stages failed)
 * @param refusedChanges   changes refused at once (queue full, too large, closed)
 * @param waiting          changes waiting now
 */
public record StateWriterStats(long committedBatches, long writtenChanges, long coalescedChanges,
                               long failedBatches, long refusedChanges, int waiting) {
}
