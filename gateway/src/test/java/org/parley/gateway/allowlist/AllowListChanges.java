package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records the diffs an {@link AllowList} reports, and waits for the next one with a deadline. */
final class AllowListChanges implements AllowListListener {

    private final BlockingQueue<AllowListDiff> diffs = new LinkedBlockingQueue<>();

    @Override
    public void allowListChanged(AllowListDiff diff, AllowListSnapshot current) {
        diffs.add(diff);
    }

    /** The next reported diff, failing the test if none arrives within {@code timeout}. */
    AllowListDiff next(Duration timeout) throws InterruptedException {
        AllowListDiff diff = diffs.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        assertThat(diff).as("allow-list change reported within %s", timeout).isNotNull();
        return diff;
    }
}
